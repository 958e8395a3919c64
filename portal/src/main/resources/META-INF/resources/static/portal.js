// Live countdown for every <time data-ends-at="ISO-8601"> on the page.
(function () {
  function format(seconds) {
    if (seconds <= 0) { return "ended"; }
    var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = Math.floor(seconds % 60);
    return (h > 0 ? h + "h " : "") + m + "m " + (s < 10 ? "0" : "") + s + "s left";
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("time[data-ends-at]").forEach(function (el) {
      var end = Date.parse(el.getAttribute("data-ends-at"));
      if (!isNaN(end)) { el.textContent = format((end - now) / 1000); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () { tick(); setInterval(tick, 1000); });
})();
