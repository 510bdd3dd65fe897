// intro-lint for VS Code: starts `intro-lint lsp` over stdio for plain text, Markdown and mail drafts.
"use strict";

const os = require("os");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

const SECTION = "introLint";
const LANGUAGES = ["plaintext", "markdown", "mail"];
let client;

function serverSettings() {
  // Everything under introLint.* except the executable path goes to the server, keys as they are.
  const config = vscode.workspace.getConfiguration(SECTION);
  const settings = {};
  for (const key of ["select", "ignore", "severity", "ruleDirs", "pipeline", "maxBytes"]) {
    const value = config.get(key);
    if (value !== null && value !== undefined) settings[key] = value;
  }
  return settings;
}

function executable() {
  const path = vscode.workspace.getConfiguration(SECTION).get("path") || "intro-lint";
  return path.startsWith("~/") ? os.homedir() + path.slice(1) : path;
}

async function start() {
  const serverOptions = { command: executable(), args: ["lsp"], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ language })),
    initializationOptions: serverSettings(),
    synchronize: { configurationSection: SECTION },
  };
  client = new LanguageClient("intro-lint", "intro-lint", serverOptions, clientOptions);
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration(`${SECTION}.path`)) {
        await deactivate();
        await start();
      }
    })
  );
  await start();
}

async function deactivate() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

module.exports = { activate, deactivate };
