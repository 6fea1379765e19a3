// Astro 7 and the ingest CLI (which runs TypeScript directly) need Node >= 22.12.
// The project pins Node 24 through the `node` devDependency; this guard explains the failure
// when a script is run with an older system Node instead of through `npm run`.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `error: Node ${process.versions.node} is too old; this project needs Node >= 22.12.\n` +
      'Run it through npm scripts (npm run build, npm test), which use the pinned Node 24 ' +
      'from the `node` devDependency after `npm install`.',
  );
  process.exit(1);
}
