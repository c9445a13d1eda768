// Starts the NHS.UK frontend components (header menu, buttons, error summary...).
// The library is an ES module; its hashed URL comes from a data attribute so that
// the static files manifest stays in charge of cache busting.
const script = document.querySelector("script[data-nhsuk-frontend]");

document.body.classList.add("js-enabled", "nhsuk-frontend-supported");

if (script) {
  import(script.dataset.nhsukFrontend).then((frontend) => frontend.initAll());
}
