/**
 * "Link" next to a key figure: a plain link to the figure's anchor that, where the clipboard
 * can be written, copies the figure's full address instead and says so to screen readers.
 */
function copied(link: HTMLAnchorElement): void {
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  const text = status?.dataset.copyStatus ?? '';
  if (status) status.textContent = text;
  link.dataset.copied = '';
  setTimeout(() => {
    delete link.dataset.copied;
    if (status) status.textContent = '';
  }, 2000);
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]')) {
  link.addEventListener('click', (event) => {
    if (!navigator.clipboard) return;
    event.preventDefault();
    const url = new URL(link.getAttribute('href') ?? '', location.href).href;
    navigator.clipboard.writeText(url).then(
      () => {
        history.replaceState(null, '', url);
        copied(link);
      },
      // Not allowed (an insecure page, a denied permission): go to the anchor, as without scripts.
      () => location.assign(url),
    );
  });
}
