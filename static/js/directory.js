// Directory filters without a full page reload.
//
// Without JavaScript the form submits as usual (every state is a GET URL). With
// it, changing a filter or the sort order fetches the new results, swaps them in,
// updates the address bar, puts focus back where it was and lets screen reader
// users hear the new number of results through the live region.
const form = document.querySelector("[data-directory-form]");
const region = document.getElementById("directory-results-region");

function queryString() {
  const params = new URLSearchParams(new FormData(form));
  for (const [key, value] of [...params.entries()]) {
    if (!value) params.delete(key);
  }
  return params.toString();
}

async function update(url, focusId) {
  region.setAttribute("aria-busy", "true");
  try {
    const response = await fetch(url, { headers: { "X-Requested-With": "fetch" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    region.innerHTML = await response.text();
    history.replaceState(null, "", url);
    const target = (focusId && document.getElementById(focusId)) || document.getElementById("results-heading");
    if (target) target.focus();
  } catch (error) {
    // Fall back to an ordinary page load, which always works.
    window.location.href = url;
  } finally {
    region.removeAttribute("aria-busy");
  }
}

if (form && region && window.fetch && window.history) {
  form.addEventListener("change", (event) => {
    if (!event.target.matches("input[type=checkbox], select")) return;
    update(`${form.action}?${queryString()}`, event.target.id);
  });
  region.addEventListener("click", (event) => {
    const link = event.target.closest(".portal-chips a, .portal-empty a, .portal-pagination a");
    if (!link) return;
    event.preventDefault();
    update(link.href, null);
  });
  // Filtering applies as you tick, so the button is only needed without JavaScript.
  const hideApplyButton = () => {
    const button = region.querySelector("[data-apply-filters]");
    if (button) button.hidden = true;
  };
  hideApplyButton();
  new MutationObserver(hideApplyButton).observe(region, { childList: true });
}

// On a phone, start with the filters folded away so results come first.
const filters = document.querySelector("[data-directory-filters]");
if (filters && window.matchMedia("(max-width: 40em)").matches && !location.search) {
  filters.open = false;
}
