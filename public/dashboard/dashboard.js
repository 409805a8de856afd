// Kundennah dashboard page script (served from /dashboard/static, no inline script anywhere).
// Draws each chart from the Vega-Lite spec in its figure's JSON block with vega-embed, using
// vega-interpreter so that no expression is compiled with `new Function` (the page's CSP has no
// 'unsafe-eval'), and makes the sortable tables sortable.
(() => {
  function drawCharts() {
    var figures = document.querySelectorAll("figure.chart");
    var pending = figures.length;
    if (pending === 0) document.body.setAttribute("data-charts", "ready");
    figures.forEach((figure) => {
      var block = document.getElementById(figure.getAttribute("data-spec"));
      var target = figure.querySelector(".vis");
      var done = () => {
        pending -= 1;
        if (pending === 0) document.body.setAttribute("data-charts", "ready");
      };
      try {
        const spec = JSON.parse(block.textContent);
        // The chart's own width would overflow a narrow screen: fill the figure instead.
        globalThis
          .vegaEmbed(target, spec, {
            renderer: "svg",
            actions: false,
            ast: true,
            expr: globalThis.vegaInterpreter.expressionInterpreter,
            defaultStyle: false,
            tooltip: { disableDefaultStyle: true },
          })
          .then(() => {
            figure.setAttribute("data-rendered", "true");
            done();
          })
          .catch((error) => {
            figure.setAttribute("data-rendered", "failed");
            target.textContent = String(error?.message ? error.message : error);
            done();
          });
      } catch {
        figure.setAttribute("data-rendered", "failed");
        done();
      }
    });
  }

  function sortValue(cell, numeric) {
    if (!cell) return numeric ? Number.NEGATIVE_INFINITY : "";
    var raw = cell.getAttribute("data-sort");
    if (numeric) return raw === null || raw === "" ? Number.NEGATIVE_INFINITY : Number(raw);
    return (raw === null ? cell.textContent : raw).toLocaleLowerCase();
  }

  function makeSortable(table) {
    var headers = table.querySelectorAll("thead th");
    table.querySelectorAll("thead button[data-column]").forEach((button) => {
      button.addEventListener("click", () => {
        var column = Number(button.getAttribute("data-column"));
        var numeric = button.getAttribute("data-numeric") === "true";
        var th = button.parentElement;
        // Numbers start highest first, words A to Z; a second click turns the order round.
        var current = th.getAttribute("aria-sort");
        var ascending = current === "none" ? !numeric : current === "descending";
        headers.forEach((h) => {
          h.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort((a, b) => {
          var x = sortValue(a.cells[column], numeric);
          var y = sortValue(b.cells[column], numeric);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach((row) => {
          body.appendChild(row);
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("table.sortable").forEach(makeSortable);
    drawCharts();
  });
})();
