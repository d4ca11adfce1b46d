// The precise management list: a batch's progress bar fed by server-sent events, and the split-filing graph.
(function () {
  function follow(section) {
    if (section.dataset.active !== 'true' || !window.EventSource) {
      return;
    }
    var bar = section.querySelector('.progress');
    var fill = section.querySelector('.progress-bar');
    var source = new EventSource(section.dataset.events);
    source.addEventListener('progress', function (event) {
      var p = JSON.parse(event.data);
      bar.setAttribute('aria-valuenow', p.percent);
      fill.style.width = p.percent + '%';
      fill.textContent = p.percent + '%';
      section.querySelector('[data-testid="batch-status"]').textContent = p.statusText;
      section.querySelector('[data-testid="batch-stage"]').textContent = p.stage;
      section.querySelector('[data-testid="batch-findings"]').textContent = p.findings;
      section.querySelector('[data-testid="batch-leads"]').textContent = p.leads;
      section.querySelector('[data-testid="batch-failure"]').textContent = p.failure;
      if (p.status !== 'QUEUED' && p.status !== 'RUNNING') {
        source.close();
        fill.classList.remove('progress-bar-animated', 'progress-bar-striped');
        section.dataset.active = 'false';
        section.setAttribute('data-finished', p.status);
        // the page's buttons (cancel, resume) and tables depend on the final state
        window.setTimeout(function () { window.location.reload(); }, 600);
      }
    });
    source.onerror = function () {
      source.close();
    };
  }

  var KIND_COLOURS = { phone: '#b02a37', email: '#0d6efd', address: '#198754' };

  function graph(element) {
    if (!window.echarts) {
      return;
    }
    var data = JSON.parse(element.dataset.graph);
    var names = { phone: element.dataset.kindPhone, email: element.dataset.kindEmail, address: element.dataset.kindAddress };
    data.links.forEach(function (l) {
      l.lineStyle = { color: KIND_COLOURS[l.kind] || '#6c757d', width: 2.5 };
    });
    var chart = window.echarts.init(element);
    chart.setOption({
      tooltip: {
        formatter: function (p) {
          if (p.dataType === 'edge') {
            return p.data.label.replace(/(phone|email|address):/g, function (m, k) { return (names[k] || k) + '：'; })
              .replace(/; /g, '<br>');
          }
          return p.data.name + (p.data.address ? '<br>' + p.data.address : '') + '<br>' + p.data.value;
        }
      },
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true,
        force: { repulsion: 900, edgeLength: [120, 220], gravity: 0.08 },
        label: { show: true, position: 'bottom', fontSize: 13 },
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        itemStyle: { color: '#8a1c1c' },
        data: data.nodes, links: data.links
      }]
    });
    element.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var section = document.getElementById('batch-progress');
    if (section) {
      follow(section);
    }
    var split = document.getElementById('split-graph');
    if (split) {
      // echarts is loaded with defer before this script; wait for it if the order differs
      var tries = 0;
      (function draw() {
        if (window.echarts || tries > 50) {
          graph(split);
        } else {
          tries++;
          window.setTimeout(draw, 100);
        }
      })();
    }
  });
})();
