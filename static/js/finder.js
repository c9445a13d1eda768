// "Find training for my home": remember the answers in this browser only.
//
// The questions are a plain GET form that works without JavaScript. With it, the
// answers are kept in localStorage when the form is sent, the form starts with
// them next time, and pages with a "for my home" shortcut show a one-click link
// that asks the same questions again (the server checks them and redirects to
// the directory, filtered). Nothing is sent to the server except that link.
const KEY = "portal.findTraining";
const QUESTIONS = ["home_type", "area", "audience", "topic"];

function load() {
  try {
    const saved = JSON.parse(window.localStorage.getItem(KEY));
    return saved && saved.answers ? saved : null;
  } catch (error) {
    return null;
  }
}

function save(value) {
  try {
    if (value) window.localStorage.setItem(KEY, JSON.stringify(value));
    else window.localStorage.removeItem(KEY);
  } catch (error) {
    // Storage can be turned off; the form still works without it.
  }
}

function labelFor(input) {
  const label = input.id && document.querySelector(`label[for="${input.id}"]`);
  return label ? label.textContent.trim() : input.value;
}

const form = document.querySelector("[data-finder-form]");
if (form) {
  const saved = load();
  const forgetArea = document.querySelector("[data-finder-forget-area]");
  const answeredAlready = form.querySelector("input:checked");
  if (saved && !answeredAlready) {
    for (const name of QUESTIONS) {
      const value = saved.answers[name];
      const input = [...form.querySelectorAll(`input[name="${name}"]`)].find((item) => item.value === value);
      if (input) input.checked = true;
    }
  }
  if (saved && forgetArea) forgetArea.hidden = false;
  form.addEventListener("submit", () => {
    const answers = {};
    const labels = [];
    for (const name of QUESTIONS) {
      const input = form.querySelector(`input[name="${name}"]:checked`);
      if (!input) return; // incomplete: the server will say what is missing
      answers[name] = input.value;
      labels.push(labelFor(input));
    }
    save({ answers, summary: labels.join(", ") });
  });
  const forget = document.querySelector("[data-finder-forget]");
  if (forget) {
    forget.addEventListener("click", () => {
      save(null);
      for (const input of form.querySelectorAll("input:checked")) input.checked = false;
      forgetArea.hidden = true;
      document.querySelector("[data-finder-forgotten]").textContent = "Your answers have been forgotten.";
    });
  }
}

for (const shortcut of document.querySelectorAll("[data-finder-shortcut]")) {
  const saved = load();
  if (!saved) continue;
  const link = shortcut.querySelector("[data-finder-link]");
  const params = new URLSearchParams();
  for (const name of QUESTIONS) {
    if (saved.answers[name]) params.append(name, saved.answers[name]);
  }
  link.href = `${link.pathname}?${params.toString()}`;
  shortcut.querySelector("[data-finder-summary]").textContent = saved.summary || "";
  shortcut.querySelector("[data-finder-saved]").hidden = false;
}
