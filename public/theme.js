// Runs before the first paint (a blocking script in <head>: the CSP allows no inline
// script), so the frame index.html shows while the wasm downloads is already right:
// 1. the colour theme: the choice made in Settings is kept on this device under
//    "salesboard.theme" ("light" or "dark"; absent: follow the system), so a dark page
//    never flashes white; src/theme.rs keeps <html data-theme> in step afterwards;
// 2. the language of the frame's loading line: the one chosen on this device
//    ("salesboard.locale"), else the browser's, as src/lang.rs picks it. The texts are
//    `boot_loading` of locales/*.json, put in by scripts/post-build.mjs.
(function () {
  const BOOT_TEXTS = __SALESBOARD_BOOT_TEXTS__;
  const saved = (key) => {
    try {
      return localStorage.getItem(key);
    } catch (_) {
      return null; // Storage refused (private mode): follow the system and browser.
    }
  };
  const choice = saved("salesboard.theme");
  const dark = choice === "dark" || (choice !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";

  const wanted = [saved("salesboard.locale"), ...(navigator.languages || [navigator.language])];
  const lang = wanted.map((tag) => String(tag || "").split(/[-_]/)[0].toLowerCase()).find((tag) => tag in BOOT_TEXTS) || "en";
  document.documentElement.lang = lang;
  document.addEventListener("DOMContentLoaded", () => {
    const line = document.getElementById("boot-loading");
    if (line) line.textContent = BOOT_TEXTS[lang];
  });
})();
