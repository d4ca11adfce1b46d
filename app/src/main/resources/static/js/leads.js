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

  /**
   * P4: the batch's z-scores as bars, each labelled with its count (the tail beyond the cut is a few filings among
   * thousands: too low to see), this filing's bin and the cut marked. Drawn without animation.
   */
  function zChart(element) {
    if (!window.echarts) {
      return;
    }
    var data = JSON.parse(element.dataset.chart);
    var bins = data.counts.length;
    function bin(z) {
      return Math.max(0, Math.min(bins - 1, Math.floor((z - data.from) / data.width)));
    }
    var labels = data.counts.map(function (c, i) { return (data.from + i * data.width).toFixed(1); });
    var filing = bin(data.z);
    var cut = bin(data.limit);
    var bars = data.counts.map(function (c, i) {
      return { value: c, itemStyle: { color: i === filing ? '#8a1c1c' : (i >= cut ? '#e0a3a3' : '#9bb4d1') } };
    });
    var chart = window.echarts.init(element);
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 24, top: 36, bottom: 48 },
      tooltip: { trigger: 'axis', formatter: function (p) {
        var i = p[0].dataIndex;
        return labels[i] + ' – ' + (data.from + (i + 1) * data.width).toFixed(1) + '<br>' + element.dataset.labelCount
          + '：' + data.counts[i];
      } },
      xAxis: { type: 'category', data: labels, name: element.dataset.labelAxis, nameLocation: 'middle', nameGap: 30 },
      yAxis: { type: 'value', name: element.dataset.labelCount, minInterval: 1 },
      series: [{
        type: 'bar', data: bars, barCategoryGap: '10%',
        label: { show: true, position: 'top', fontSize: 10, formatter: function (p) { return p.value > 0 ? p.value : ''; } },
        markLine: { symbol: 'none', label: { formatter: '{b}' }, data: [
          { name: element.dataset.labelLimit, xAxis: labels[cut], lineStyle: { color: '#6c757d', type: 'dashed' } },
          { name: element.dataset.labelFiling + ' ' + data.z.toFixed(1), xAxis: labels[filing], lineStyle: { color: '#8a1c1c' } }
        ] }
      }]
    });
    element.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  /** Draws once echarts is there: it is loaded with defer before this script; wait for it if the order differs. */
  function whenCharting(draw) {
    var tries = 0;
    (function attempt() {
      if (window.echarts || tries > 50) {
        draw();
      } else {
        tries++;
        window.setTimeout(attempt, 100);
      }
    })();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var section = document.getElementById('batch-progress');
    if (section) {
      follow(section);
    }
    var split = document.getElementById('split-graph');
    if (split) {
      whenCharting(function () { graph(split); });
    }
    var z = document.getElementById('z-chart');
    if (z) {
      whenCharting(function () { zChart(z); });
    }
  });
})();
