/**
 * The browser island for charts, bundled by Astro from the <script> in Chart.astro, so it is
 * only on pages that render a chart. It is tiny: it watches every `[data-chart]` figure and,
 * the first time one comes within 200 px of the viewport, fetches the chart.js chunk
 * (./live.ts: tree-shaken chart.js with only the pieces the charts use, registered once) and
 * mounts the interactive chart over the static SVG. If anything fails, the SVG stays.
 *
 * chart.js is never imported statically here, so it is code-split into its own chunk and
 * fetched only when a chart is near the viewport.
 */
type Live = typeof import('./live.ts');

let live: Promise<Live> | undefined;

function hydrate(figure: HTMLElement): void {
  if (figure.dataset.chartState) return;
  figure.dataset.chartState = 'loading';
  live ??= import('./live.ts');
  live
    .then((m) => {
      m.mountChart(figure);
      figure.dataset.chartState = 'live';
    })
    .catch((error: unknown) => {
      // The static SVG is still there; a failed chunk or chart must not break the page.
      figure.dataset.chartState = 'static';
      console.warn('chart: kept the static picture', error);
    });
}

function init(): void {
  const figures = Array.from(document.querySelectorAll<HTMLElement>('[data-chart]'));
  if (!figures.length) return;
  if (!('IntersectionObserver' in window)) {
    figures.forEach(hydrate);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        hydrate(entry.target as HTMLElement);
      }
    },
    { rootMargin: '200px 0px' },
  );
  figures.forEach((f) => observer.observe(f));
}

// Module scripts run after the document is parsed.
init();
