// Progressive enhancement for the timeline index: a filter by text and participant.
// Without this script every event is still listed (background events inside <details>).
(function () {
  "use strict";
  var form = document.getElementById("filter");
  if (!form) { return; }
  var text = document.getElementById("filter-text");
  var participant = document.getElementById("filter-participant");
  var status = document.getElementById("filter-status");
  var items = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var details = Array.prototype.slice.call(document.querySelectorAll("details.background-events"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.month, section.year"));
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  function apply() {
    var q = (text.value || "").trim().toLowerCase();
    var who = participant ? participant.value : "";
    var active = q !== "" || who !== "";
    var shown = 0;
    items.forEach(function (li) {
      var hay = li.getAttribute("data-search") || "";
      var people = (li.getAttribute("data-participants") || "").split("|");
      var ok = (q === "" || hay.indexOf(q) !== -1) && (who === "" || people.indexOf(who) !== -1);
      li.hidden = !ok;
      if (ok) { shown++; }
    });
    details.forEach(function (d) {
      var any = d.querySelector("li.event:not([hidden])") !== null;
      if (active) { d.open = any; }
      d.hidden = !any;
    });
    groups.forEach(function (g) { g.hidden = g.querySelector("li.event:not([hidden])") === null; });
    status.textContent = active ? shown + " of " + items.length + " events shown" : "";
  }

  text.addEventListener("input", apply);
  if (participant) { participant.addEventListener("change", apply); }
  window.addEventListener("beforeprint", function () { details.forEach(function (d) { d.open = true; }); });
})();
