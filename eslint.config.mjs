import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "./scripts/lint/boundaries.mjs";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "server/db/generated/**", ".data/**", "tmp/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // The layers of docs/architecture.md (scripts/lint/boundaries.mjs).
    files: ["**/*.{ts,tsx,mjs}"],
    plugins: { boundaries },
    rules: {
      "boundaries/layers": "error",
      "boundaries/no-folder-cycles": "error",
      "boundaries/server-only": "error",
      "boundaries/queries-read-only": "error",
    },
  },
  {
    // Links prefetch on intent, not on sight (components/ui/link.tsx).
    files: ["app/**", "components/**"],
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", importNames: ["default"], message: "Use Link from @/components/ui/link: it prefetches on intent instead of on sight." }] }],
    },
  },
  {
    // `toLocaleString("en-US")` and friends build a new Intl formatter on every call: on a phone the calendar spent
    // 100 ms of its load in them. Use the cached formatters of lib/format/intl.ts.
    files: ["app/**", "components/**", "hooks/**", "lib/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^toLocale(String|DateString|TimeString)$/][arguments.length>0]",
          message: "Use formatCount/numberFormat/dateTimeFormat from @/lib/format/intl: toLocale*(locale, options) builds a formatter per call.",
        },
      ],
    },
  },
  {
    // Command-line tools, simulators, benchmarks and tests talk to the terminal.
    files: ["scripts/**", "sandbox/**", "bench/**", "e2e/**", "test/**", "**/*.test.ts", "server/log.ts"],
    rules: { "no-console": "off" },
  },
];

export default config;
