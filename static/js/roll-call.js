// The votering's roll call (templates/decisions/editor/debate/_roll_call.html): "the whole party
// group votes …", "everyone not yet answered votes …", and the tally as the clerk goes. Without
// JavaScript the table still works as plain radio buttons; the server counts the result.
(function () {
  "use strict";
  var LABELS = { ja: "Ja", nej: "Nej", avstar: "Avstår", franvarande: "Frånvarande" };

  function rows(container) {
    return Array.prototype.filter.call(container.querySelectorAll("tr"), function (row) {
      return row.querySelector("input[type=radio]");
    });
  }

  function answer(row, value) {
    var radio = row.querySelector("input[type=radio][value='" + value + "']");
    if (radio) { radio.checked = true; }
  }

  function tally(table) {
    var counts = { ja: 0, nej: 0, avstar: 0, franvarande: 0 };
    var open = 0;
    rows(table).forEach(function (row) {
      var checked = row.querySelector("input[type=radio]:checked");
      if (checked) { counts[checked.value] += 1; } else { open += 1; }
    });
    var text = Object.keys(LABELS).map(function (key) {
      return LABELS[key] + " " + counts[key];
    }).join(" · ");
    var output = table.querySelector(".roll-call-tally");
    if (output) { output.textContent = "— " + text + (open ? " · ej angivna " + open : ""); }
  }

  function tallyAll() {
    document.querySelectorAll("[data-roll-call]").forEach(tally);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-group-vote], [data-rest-vote]");
    if (!button) { return; }
    var table = button.closest("[data-roll-call]");
    if (button.dataset.groupVote) {
      rows(button.closest("[data-party-group]")).forEach(function (row) {
        answer(row, button.dataset.groupVote);
      });
    } else {
      rows(table).forEach(function (row) {
        if (!row.querySelector("input[type=radio]:checked")) { answer(row, button.dataset.restVote); }
      });
    }
    tally(table);
  });
  document.addEventListener("change", function (event) {
    var table = event.target.closest && event.target.closest("[data-roll-call]");
    if (table) { tally(table); }
  });
  document.addEventListener("DOMContentLoaded", tallyAll);
  document.addEventListener("htmx:afterSettle", tallyAll);
}());
