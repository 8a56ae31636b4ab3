// Applies the colour theme before the first paint, so a dark page never flashes white.
// The choice made in Settings is kept on this device under "salesboard.theme" ("light"
// or "dark"; absent: follow the system). A blocking script in <head> because the CSP
// allows no inline script; src/theme.rs keeps <html data-theme> in step afterwards.
(function () {
  let choice = null;
  try {
    choice = localStorage.getItem("salesboard.theme");
  } catch (_) {
    // Storage refused (private mode): follow the system.
  }
  const dark = choice === "dark" || (choice !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
})();
