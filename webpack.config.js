// @ts-check
/**
 * Builds the task pane into dist/taskpane/: taskpane.html (from
 * src/taskpane/taskpane.html, which loads office.js from Microsoft's CDN with
 * a <script> tag), the hashed JavaScript from src/taskpane/index.tsx,
 * commands.html (the manifest's FunctionFile) and assets/; and the partners'
 * site beside it: index.html (src/site/index.html, src/site/index.tsx).
 *
 *   npm run build        production
 *   npm run build:dev    development
 *   npm run dev-server   https://localhost:3000, for sideloading (docs/sideloading.md)
 *
 * What only the browser mode needs (exceljs, the grid) is imported
 * dynamically by the task pane and lands in chunks of its own;
 * scripts/bundle-size.js keeps the initial JavaScript under 350 KB gzipped.
 */
const fs = require('node:fs');
const path = require('node:path');
const { X509Certificate } = require('node:crypto');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ENTRY = './src/taskpane/index.tsx';
const TEMPLATE = './src/taskpane/taskpane.html';
const OUTPUT = path.resolve(__dirname, 'dist/taskpane');
/** The partners' site: index.html, served at / and /my-submissions. */
const SITE_ENTRY = './src/site/index.tsx';
const SITE_TEMPLATE = './src/site/index.html';
const DEV_PORT = 3000;
// The analysts' page (/analysis): its own entry and page, sharing nothing at run time with the task pane.
const ANALYSIS = { entry: './src/analysis/index.tsx', template: './src/analysis/analysis.html', page: 'analysis.html' };

/** The manifest's FunctionFile: the ribbon button only opens the task pane, so it just initialises Office. */
const COMMANDS_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>HSH Data Check commands</title>
    <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
    <script src="assets/commands.js"></script>
  </head>
  <body></body>
</html>
`;

/** @param {boolean} dev */
function swcOptions(dev) {
  return {
    swcrc: false,
    sourceMaps: true,
    module: { type: 'es6' }, // keep ES modules so webpack can tree-shake and split
    jsc: {
      // Excel's task pane runs in WebView2 / WKWebView / the browser; React 18 and Fluent UI 9 need no older.
      target: 'es2019',
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic', development: dev } },
    },
  };
}

/**
 * HTTPS for the dev server from office-addin-dev-certs. When its CA is already
 * trusted, getHttpsServerOptions only reads the files. Otherwise we generate
 * the certificates (generateCertificates writes files, installs nothing) and
 * never call its install, which wants sudo on Linux and prompts elsewhere:
 * trusting the CA is left to the developer (docs/sideloading.md).
 */
async function devServerHttps() {
  const devCerts = require('office-addin-dev-certs');
  const defaults = require('office-addin-dev-certs/lib/defaults');
  let trusted;
  try {
    trusted = devCerts.verifyCertificates();
  } catch {
    trusted = false; // the verify script could not run (no openssl, no PowerShell): treat as untrusted
  }
  if (trusted) return devCerts.getHttpsServerOptions();

  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  const usable = files.every((f) => fs.existsSync(f)) && new Date(new X509Certificate(fs.readFileSync(defaults.localhostCertificatePath)).validTo) > new Date(Date.now() + 86400000);
  if (!usable) {
    for (const f of files) fs.rmSync(f, { force: true });
    await devCerts.generateCertificates();
  }
  console.warn(
    `\n[dev-server] Serving https://localhost:${DEV_PORT} with ${defaults.localhostCertificatePath}.\n` +
      `[dev-server] Its CA is not trusted on this machine yet: trust ${defaults.caCertificatePath} (see docs/sideloading.md).\n`,
  );
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

/**
 * @param {Record<string, unknown>} env
 * @param {{ mode?: string }} argv
 * @returns {Promise<import('webpack').Configuration & { devServer?: Record<string, unknown> }>}
 */
module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    mode: dev ? 'development' : 'production',
    context: __dirname,
    entry: { taskpane: ENTRY, site: SITE_ENTRY, analysis: ANALYSIS.entry },
    output: {
      path: OUTPUT,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
      publicPath: 'auto',
      clean: true,
    },
    devtool: dev ? 'eval-cheap-module-source-map' : 'source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
      // node16 resolution: sources import './x.js' for './x.ts' (and './x.mjs' for './x.mts', the worker's starter).
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] },
    },
    module: {
      rules: [
        { test: /\.[cm]?tsx?$/, exclude: /node_modules/, use: { loader: 'swc-loader', options: swcOptions(dev) } },
        { test: /\.(png|jpe?g|gif|svg|woff2?)$/i, type: 'asset/resource' },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ template: TEMPLATE, filename: 'taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ template: SITE_TEMPLATE, filename: 'index.html', chunks: ['site'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ template: ANALYSIS.template, filename: ANALYSIS.page, chunks: ['analysis'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ templateContent: COMMANDS_HTML, filename: 'commands.html', inject: false }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets', to: 'assets' }] }),
    ],
    optimization: {
      // Async chunks only: the browser-mode chunks stay out of the first download.
      splitChunks: { chunks: 'async' },
      // Readable chunk names (src_excel_index_ts…) in the bundle-size report; still stable between builds.
      chunkIds: 'named',
    },
    // scripts/bundle-size.js enforces the budget on gzipped sizes; webpack's hints use raw sizes.
    performance: { hints: false },
    devServer: serving
      ? {
          port: DEV_PORT,
          host: 'localhost',
          server: { type: 'https', options: await devServerHttps() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: false,
          client: { overlay: { errors: true, warnings: false } },
        }
      : undefined,
  };
};

module.exports.ENTRY = ENTRY;
module.exports.TEMPLATE = TEMPLATE;
module.exports.SITE_ENTRY = SITE_ENTRY;
module.exports.OUTPUT = OUTPUT;
module.exports.DEV_PORT = DEV_PORT;
module.exports.ANALYSIS = ANALYSIS;
