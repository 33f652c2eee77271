// The preset registry's one list: adding a preset is one line here (plus its JSON file).
// Each file is statically imported so the app bundles it and the command line needs no file access.
export { default as baseline } from './baseline.json';
export { default as pingguHandDown } from './pinggu-hand-down.json';
