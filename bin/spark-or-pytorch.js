#!/usr/bin/env node
import { createNodeIo } from '../dist/src/cli/node-io.js';
import { runCli } from '../dist/src/cli.js';

const code = await runCli(process.argv.slice(2), createNodeIo());
process.exitCode = code;
