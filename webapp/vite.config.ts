/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";

import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The production build is served by the LabelStack server itself (FastAPI), from
// inside the Python package; the dev server proxies the API to a running
// `labelstack serve` so cookies stay same-origin.
const backend = process.env.LABELSTACK_DEV_BACKEND ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL("../src/labelstack/static/app", import.meta.url)),
    emptyOutDir: true,
    assetsDir: "assets",
    chunkSizeWarningLimit: 4096,
  },
  // Image decoders (Cornerstone's dicom-image-loader codecs) run in module workers.
  worker: { format: "es" },
  server: {
    proxy: {
      "/api": { target: backend, changeOrigin: false },
      "/dicomweb": { target: backend, changeOrigin: false },
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
