/**
 * Import rules for the project's layers (ARCHITECTURE.md, "Dependencies"). Each import —
 * static, re-export, dynamic `import()` or `require` — is resolved to a path in the project
 * (`@/x` is the root, `./x` and `../x` relative to the file) or to a package name, then:
 *
 * - `layering/dependencies`: the file may not import any project path under `disallow`
 *   (e.g. runtime → app, designer, seed).
 * - `layering/browser-safe`: code that runs in the browser (designer/**, and in app/ the files
 *   that begin with "use client") may import only project paths under `allow` (the pure parts
 *   of runtime), type-only imports also from `typeOnly` (the tRPC router's type), never a
 *   module marked `import "server-only"`, a Node built-in, or a package under `packages`.
 *
 * Paths in options are project-relative: "runtime/db" covers runtime/db.ts, runtime/db/**.
 */
import fs from "node:fs";
import path from "node:path";
import { builtinModules } from "node:module";

const root = path.resolve(import.meta.dirname, "..");
const builtins = new Set(builtinModules);
const sourceExtensions = /\.(tsx?|mjs|cjs|js|json)$/;

/** The project path (posix, relative to the root, without extension) or package an import names. */
function resolveImport(specifier, filename) {
  let absolute;
  if (specifier.startsWith("@/")) absolute = path.join(root, specifier.slice(2));
  else if (specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === "..") {
    absolute = path.resolve(path.dirname(filename), specifier);
  } else {
    const parts = specifier.split("/");
    const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
    return { kind: "package", name, builtin: specifier.startsWith("node:") || builtins.has(name) };
  }
  const relative = path.relative(root, absolute).split(path.sep).join("/");
  return { kind: "project", path: relative.replace(sourceExtensions, ""), outside: relative.startsWith("..") };
}

/** Whether `target` is `entry` or inside it. */
function covers(entry, target) {
  const clean = entry.replace(/\/$/, "").replace(sourceExtensions, "");
  return target === clean || target.startsWith(`${clean}/`);
}

const markerCache = new Map();

/** Whether the module at a project path imports "server-only". */
function isServerOnly(projectPath) {
  if (markerCache.has(projectPath)) return markerCache.get(projectPath);
  let marked = false;
  for (const candidate of [".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const file = path.join(root, projectPath + candidate);
    if (!fs.existsSync(file)) continue;
    marked = /^\s*import\s+["']server-only["'];?\s*$/m.test(fs.readFileSync(file, "utf8"));
    break;
  }
  markerCache.set(projectPath, marked);
  return marked;
}

/** Calls `check(specifier, node, typeOnly)` for every import of the file. */
function importVisitor(check) {
  const literal = (node) => (node && node.type === "Literal" && typeof node.value === "string" ? node.value : null);
  const declaration = (node) => {
    const specifier = literal(node.source);
    if (specifier === null) return;
    const kind = node.importKind ?? node.exportKind;
    const specifiers = node.specifiers ?? [];
    const typeOnly =
      kind === "type" ||
      (specifiers.length > 0 && specifiers.every((s) => s.importKind === "type" || s.exportKind === "type"));
    check(specifier, node.source, typeOnly);
  };
  return {
    ImportDeclaration: declaration,
    ExportNamedDeclaration: (node) => node.source && declaration(node),
    ExportAllDeclaration: declaration,
    ImportExpression: (node) => {
      const specifier = literal(node.source);
      if (specifier !== null) check(specifier, node.source, false);
    },
    CallExpression: (node) => {
      if (node.callee.type !== "Identifier" || node.callee.name !== "require") return;
      const specifier = literal(node.arguments[0]);
      if (specifier !== null) check(specifier, node.arguments[0], false);
    },
  };
}

const pathList = { type: "array", items: { type: "string" } };

const dependencies = {
  meta: {
    type: "problem",
    docs: { description: "Forbid imports from the layers this folder may not depend on" },
    schema: [{ type: "object", properties: { disallow: pathList, layer: { type: "string" } }, required: ["disallow"], additionalProperties: false }],
    messages: { disallowed: "{{layer}} may not import {{target}}: it does not depend on {{rule}} (see ARCHITECTURE.md)." },
  },
  create(context) {
    const { disallow, layer = "This module" } = context.options[0];
    return importVisitor((specifier, node) => {
      const target = resolveImport(specifier, context.filename);
      if (target.kind !== "project") return;
      const rule = disallow.find((entry) => covers(entry, target.path));
      if (rule) context.report({ node, messageId: "disallowed", data: { layer, target: specifier, rule } });
    });
  },
};

const browserSafe = {
  meta: {
    type: "problem",
    docs: { description: "Browser code imports only browser-safe modules: never the database, files, secrets or server features" },
    schema: [
      {
        type: "object",
        properties: {
          allow: pathList,
          typeOnly: pathList,
          packages: pathList,
          directive: { type: "string" },
        },
        required: ["allow"],
        additionalProperties: false,
      },
    ],
    messages: {
      notAllowed: "Browser code may not import {{target}}: only {{allowed}} are browser-safe (see ARCHITECTURE.md).",
      serverOnly: "Browser code may not import {{target}}: it is marked server-only.",
      typeOnly: "Browser code may import {{target}} for types only (`import type`).",
      builtin: "Browser code may not import the Node built-in {{target}}.",
      package: "Browser code may not import the server package {{target}}.",
    },
  },
  create(context) {
    const { allow, typeOnly = [], packages = [], directive } = context.options[0];
    if (directive) {
      const first = context.sourceCode.ast.body[0];
      if (!first || first.type !== "ExpressionStatement" || first.directive !== directive) return {};
    }
    const allowed = allow.join(", ");
    return importVisitor((specifier, node, isTypeOnly) => {
      const target = resolveImport(specifier, context.filename);
      if (target.kind === "package") {
        if (isTypeOnly) return;
        if (target.builtin) context.report({ node, messageId: "builtin", data: { target: specifier } });
        else if (packages.some((name) => target.name === name || specifier === name || specifier.startsWith(`${name}/`))) {
          context.report({ node, messageId: "package", data: { target: specifier } });
        }
        return;
      }
      const inAllow = allow.some((entry) => covers(entry, target.path));
      if (!inAllow) {
        const typeAllowed = typeOnly.some((entry) => covers(entry, target.path));
        if (!typeAllowed) context.report({ node, messageId: "notAllowed", data: { target: specifier, allowed } });
        else if (!isTypeOnly) context.report({ node, messageId: "typeOnly", data: { target: specifier } });
        return;
      }
      if (!isTypeOnly && isServerOnly(target.path)) context.report({ node, messageId: "serverOnly", data: { target: specifier } });
    });
  },
};

export default { meta: { name: "layering" }, rules: { dependencies, "browser-safe": browserSafe } };
