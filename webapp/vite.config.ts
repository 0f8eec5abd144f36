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
    chunkSizeWarningLimit: 6144,
  },
  // Cornerstone's DICOM image loader must not be pre-bundled (its workers and wasm codecs are
  // resolved relative to the module), but the CommonJS pieces it pulls in must be.
  optimizeDeps: {
    exclude: ["@cornerstonejs/dicom-image-loader"],
    include: [
      "@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs",
      "@cornerstonejs/codec-charls/decodewasmjs",
      "@cornerstonejs/codec-openjpeg/decodewasmjs",
      "@cornerstonejs/codec-openjph/wasmjs",
      "@cornerstonejs/codec-libjxl/decodewasmjs",
      "dicom-parser",
      "@cornerstonejs/metadata",
      "comlink",
      "pako",
    ],
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
