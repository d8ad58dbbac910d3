// Vite bundles the overlay's stylesheets from side-effect imports; TypeScript only needs to know they exist.
declare module '*.css';
