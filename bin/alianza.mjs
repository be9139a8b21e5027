#!/usr/bin/env node
// The `alianza` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await import(pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href);
await main(process.argv);
