// Type-aware typescript-eslint with React hooks and Next.js rules.
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "*.config.js",
      "*.config.mjs",
      "*.config.mts",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // The browser's side imports server code for its types only (`import type`): a runtime import would
    // bundle server modules (database, secrets) into client code, or fail on `server-only`.
    files: ["components/**", "lib/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)server(/|$)",
              allowTypeImports: true,
              message:
                "components/ and lib/ import server/ for types only (`import type`); pass values in as props.",
            },
          ],
        },
      ],
    },
  },
  {
    // One way for the browser to talk to the server: lib/api/request.ts (one error shape, the session
    // cookie, offline worded once). Components and feature clients call it, never `fetch` themselves.
    files: ["components/**", "lib/**"],
    ignores: ["lib/api/request.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "fetch", message: "Call the web tier through request() from @/lib/api/request." },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "window",
          property: "fetch",
          message: "Call the web tier through request() from @/lib/api/request.",
        },
        {
          object: "globalThis",
          property: "fetch",
          message: "Call the web tier through request() from @/lib/api/request.",
        },
      ],
    },
  },
  {
    // The server tiers never depend on the web app's routes or components (tests may call a route handler).
    files: ["server/**"],
    ignores: ["server/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)(app|components)(/|$)",
              message:
                "server/ never imports from app/ or components/: move the shared code to lib/ or server/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts and tests are command-line programs: printing is their job.
    files: ["scripts/**", "bench/**", "e2e/**", "**/*.test.ts"],
    rules: { "no-console": "off" },
  },
);
