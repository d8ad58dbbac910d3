// The sound files are imported as URLs through Vite (`?url`): the build hashes them, copies them to the
// output and the service worker precaches them.
declare module '*.wav?url' {
  const url: string;
  export default url;
}
