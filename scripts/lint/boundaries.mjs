/**
 * The house's layer rules as ESLint rules (see docs/architecture.md), run by `npm run lint` and so by `npm test`.
 *
 * - `layers`: what each top-level folder may import. lib/ is pure and shared with the browser, so it imports only
 *   lib/; components/ and hooks/ never reach server/; client components ("use client") never import server/; app
 *   code never imports the simulators (sandbox/) or test/bench/script tooling; one provider never imports another.
 * - `server-only`: every module under server/ starts with `import "server-only"` (env-schema.ts is the one exception:
 *   next.config.ts reads it at build time).
 * - `queries-read-only`: server/queries/ reads; writes live in services.
 * - `no-folder-cycles`: folders may not import each other in a loop. A folder's own files count as the folder, so
 *   `lib/x.ts → lib/y/ → lib/z.ts` is a loop between lib/ and lib/y/.
 *
 * Tests, fixtures and generated code are outside these rules (a test may reach across layers to set things up).
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_ROOTS = ["actions", "app", "components", "hooks", "lib", "server", "scripts", "bench", "sandbox", "e2e", "test"];
const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];

const rel = (file) => path.relative(ROOT, file).split(path.sep).join("/");
const topOf = (relPath) => relPath.split("/")[0];

export function isExempt(relPath) {
  return /(^|\/)(__fixtures__|generated)\//.test(relPath) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(relPath) || relPath.startsWith("test/");
}

/** The repository-relative file an import specifier names, or null for a package. */
export function resolveImport(fromRel, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.resolve(ROOT, path.dirname(fromRel), specifier);
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return rel(candidate);
  }
  return null;
}

function providerOf(relPath) {
  const match = /^server\/providers\/([^/]+)\//.exec(relPath);
  return match ? match[1] : null;
}

/** Why `fromRel` may not import `toRel` (null when it may). */
export function layerViolation(fromRel, toRel, { isClient = false } = {}) {
  const from = topOf(fromRel);
  const to = topOf(toRel);
  if (from === "lib" && to !== "lib") return `lib/ is pure and shared with the browser: it may import only lib/, not ${to}/`;
  if ((from === "components" || from === "hooks") && ["server", "app", "sandbox", "scripts", "bench", "test"].includes(to)) {
    return `${from}/ renders in the browser: take data as props or through hooks/, never from ${to}/`;
  }
  if (isClient && to === "server") return 'a "use client" module may not import server/ (call a server action in actions/ instead)';
  if (["app", "actions", "components", "hooks", "lib", "server"].includes(from) && ["sandbox", "scripts", "bench", "e2e", "test"].includes(to)) {
    return `application code may not import ${to}/ (simulators and tooling stay outside the app)`;
  }
  if (from === "server" && ["app", "actions", "components", "hooks"].includes(to)) return `server/ sits below the UI: it may not import ${to}/`;
  if (from === "actions" && ["app", "components", "hooks"].includes(to)) return `actions/ bridge the UI to server/: they may not import ${to}/`;
  const a = providerOf(fromRel);
  const b = providerOf(toRel);
  if (a && b && a !== b) return `the ${a} provider may not import the ${b} provider: share through lib/domain or a service`;
  return null;
}

const IMPORT_RE = /(?:^|[^\w.])(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']|(?:^|[^\w.])import\s*\(\s*["']([^"']+)["']\s*\)|(?:^|[^\w.])import\s+["']([^"']+)["']/gm;

function listSourceFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel(full));
    }
  };
  for (const top of SOURCE_ROOTS) if (fs.existsSync(path.join(ROOT, top))) walk(path.join(ROOT, top));
  return out.filter((f) => !isExempt(f));
}

/** Folder → folders it imports, from every non-test source file. */
export function folderGraph(files = listSourceFiles(), read = (f) => fs.readFileSync(path.join(ROOT, f), "utf8")) {
  const graph = new Map();
  for (const file of files) {
    const from = path.posix.dirname(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const match of read(file).matchAll(IMPORT_RE)) {
      const target = resolveImport(file, match[1] ?? match[2] ?? match[3]);
      if (!target || isExempt(target)) continue;
      const to = path.posix.dirname(target);
      if (to !== from) graph.get(from).add(to);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan); each folder maps to its component's id. */
export function folderCycles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const component = new Map();
  const members = [];
  const visit = (v) => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) {
        for (const m of scc) component.set(m, members.length);
        members.push(scc.sort());
      }
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return { component, members };
}

let cycles;
const getCycles = () => (cycles ??= folderCycles(folderGraph()));

const isClientModule = (sourceCode) => sourceCode.ast.body.some((n) => n.type === "ExpressionStatement" && n.directive === "use client");

function importSpecifiers(node) {
  if ((node.type === "ImportDeclaration" || node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") && node.source) return node.source.value;
  if (node.type === "ImportExpression" && node.source.type === "Literal") return node.source.value;
  return null;
}

function onImports(check) {
  return (context) => {
    const fromRel = rel(context.filename);
    if (fromRel.startsWith("..") || isExempt(fromRel)) return {};
    const handler = (node) => {
      const specifier = importSpecifiers(node);
      if (typeof specifier !== "string") return;
      const toRel = resolveImport(fromRel, specifier);
      if (!toRel) return;
      const message = check({ fromRel, toRel, context });
      if (message) context.report({ node: node.source ?? node, message });
    };
    return { ImportDeclaration: handler, ExportNamedDeclaration: handler, ExportAllDeclaration: handler, ImportExpression: handler };
  };
}

const WRITE_METHODS = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany", "$executeRaw", "$executeRawUnsafe"]);

const plugin = {
  meta: { name: "autocoach-boundaries" },
  rules: {
    layers: {
      meta: { type: "problem", schema: [] },
      create: (context) => {
        const isClient = isClientModule(context.sourceCode);
        return onImports(({ fromRel, toRel }) => layerViolation(fromRel, toRel, { isClient }))(context);
      },
    },
    "no-folder-cycles": {
      meta: { type: "problem", schema: [] },
      create: onImports(({ fromRel, toRel }) => {
        const from = path.posix.dirname(fromRel);
        const to = path.posix.dirname(toRel);
        const { component, members } = getCycles();
        if (from === to || !component.has(from) || component.get(from) !== component.get(to)) return null;
        return `${from}/ and ${to}/ import each other in a loop (${members[component.get(from)].join(" ↔ ")}): move the shared piece down a layer`;
      }),
    },
    "server-only": {
      meta: { type: "problem", schema: [] },
      create: (context) => {
        const fromRel = rel(context.filename);
        if (!fromRel.startsWith("server/") || isExempt(fromRel) || fromRel === "server/env-schema.ts") return {};
        return {
          Program(node) {
            const marked = node.body.some((n) => n.type === "ImportDeclaration" && n.source.value === "server-only");
            if (!marked) context.report({ node, message: 'every module under server/ starts with import "server-only"' });
          },
        };
      },
    },
    "queries-read-only": {
      meta: { type: "problem", schema: [] },
      create: (context) => {
        const fromRel = rel(context.filename);
        if (!fromRel.startsWith("server/queries/") || isExempt(fromRel)) return {};
        return {
          CallExpression(node) {
            const callee = node.callee.type === "TaggedTemplateExpression" ? node.callee.tag : node.callee;
            if (callee.type === "MemberExpression" && callee.property.type === "Identifier" && WRITE_METHODS.has(callee.property.name)) {
              context.report({ node, message: `server/queries/ only reads; ${callee.property.name}() belongs in a service` });
            }
          },
          TaggedTemplateExpression(node) {
            if (node.tag.type === "MemberExpression" && node.tag.property.type === "Identifier" && WRITE_METHODS.has(node.tag.property.name)) {
              context.report({ node, message: `server/queries/ only reads; ${node.tag.property.name} belongs in a service` });
            }
          },
        };
      },
    },
  },
};

export default plugin;
