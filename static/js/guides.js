// Guides: the interactive checklist and the print link.
//
// Each checklist item becomes a checkbox; ticks are kept in this browser's
// localStorage only (nothing is sent to the server), a live region reads out
// progress, and printing lists each item as done or not done.

function storageKey(list) {
  return `portal-checklist:${list.dataset.checklist}`;
}

function loadTicks(list) {
  try {
    return new Set(JSON.parse(localStorage.getItem(storageKey(list)) || "[]"));
  } catch (error) {
    return new Set();
  }
}

function saveTicks(list, ticks) {
  try {
    localStorage.setItem(storageKey(list), JSON.stringify([...ticks]));
  } catch (error) {
    // Private browsing or a full store: the ticks simply last for this visit.
  }
}

function enhanceChecklist(list) {
  const ticks = loadTicks(list);
  const items = [...list.querySelectorAll("[data-checklist-item]")];
  const progress = list.querySelector("[data-checklist-progress]");
  const reset = list.querySelector("[data-checklist-reset]");

  const update = () => {
    const done = items.filter((item) => item.querySelector("input").checked).length;
    progress.textContent = `${done} of ${items.length} done`;
    items.forEach((item) => {
      item.dataset.done = item.querySelector("input").checked ? "yes" : "no";
    });
  };

  items.forEach((item) => {
    const key = item.dataset.checklistItem;
    const id = `${list.dataset.checklist}-item-${key}`;
    const text = item.textContent.trim();
    item.textContent = "";
    item.classList.add("nhsuk-checkboxes__item");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.className = "nhsuk-checkboxes__input";
    input.id = id;
    input.checked = ticks.has(key);
    const label = document.createElement("label");
    label.className = "nhsuk-label nhsuk-checkboxes__label";
    label.htmlFor = id;
    label.textContent = text;
    item.append(input, label);
    input.addEventListener("change", () => {
      if (input.checked) ticks.add(key);
      else ticks.delete(key);
      saveTicks(list, ticks);
      update();
    });
  });
  list.querySelector(".portal-checklist__items").classList.add("nhsuk-checkboxes");
  progress.hidden = false;
  reset.hidden = false;
  reset.addEventListener("click", () => {
    ticks.clear();
    saveTicks(list, ticks);
    items.forEach((item) => {
      item.querySelector("input").checked = false;
    });
    update();
  });
  update();
}

document.querySelectorAll("[data-checklist]").forEach(enhanceChecklist);

const printLink = document.querySelector("[data-print-page]");
if (printLink) {
  printLink.hidden = false;
  printLink.addEventListener("click", (event) => {
    event.preventDefault();
    window.print();
  });
}
