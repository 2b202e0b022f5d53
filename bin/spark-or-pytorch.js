#!/usr/bin/env node
import { runCli } from '../dist/src/cli.js';
import { createNodeIo } from '../dist/src/cli/node-io.js';

const code = await runCli(process.argv.slice(2), createNodeIo());
process.exitCode = code;
