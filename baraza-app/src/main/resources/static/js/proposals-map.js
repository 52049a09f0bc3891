/*
 * The proposals map: draws the municipality's districts and the located proposals with Leaflet, both read
 * from Baraza's own JSON API. Without this script (or without Leaflet) the page is the table of the same
 * proposals. Tiles are drawn only when the operator configured a tile server (BARAZA_MAP_TILES); otherwise
 * the districts' outlines on a plain background are the map, and no other site is asked for anything.
 * Text from the data is always set as text, never as HTML.
 */
(function () {
  'use strict';
  var element = document.getElementById('proposals-map');
  if (!element || typeof window.L === 'undefined' || typeof window.fetch !== 'function') {
    return;
  }
  var L = window.L;
  element.hidden = false;
  element.style.height = '28rem';
  element.style.marginBottom = '1.5rem';
  var map = L.map(element, { scrollWheelZoom: false });
  map.attributionControl.setPrefix(false);

  var tiles = element.getAttribute('data-tiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: element.getAttribute('data-attribution') || '' }).addTo(map);
  }

  var bounds = ['data-south', 'data-west', 'data-north', 'data-east'].map(function (name) {
    return parseFloat(element.getAttribute(name));
  });
  if (bounds.every(function (value) { return isFinite(value); })) {
    map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]]);
  } else {
    map.setView([0, 0], 2);
  }

  function text(value) {
    var span = document.createElement('span');
    span.textContent = value;
    return span;
  }

  function json(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
  }

  json(element.getAttribute('data-districts')).then(function (districts) {
    if (!districts) {
      return;
    }
    L.geoJSON(districts, {
      style: { color: '#1b1b1b', weight: 2, fillColor: '#ffffff', fillOpacity: 0.6 },
      onEachFeature: function (feature, layer) {
        if (feature.properties && feature.properties.name) {
          layer.bindTooltip(text(feature.properties.name), { sticky: true });
        }
      }
    }).addTo(map).bringToBack();
  });

  json(element.getAttribute('data-points')).then(function (points) {
    if (!points || !points.features) {
      return;
    }
    points.features.forEach(function (feature) {
      var position = feature.geometry.coordinates;
      var link = document.createElement('a');
      link.href = feature.properties.href;
      link.textContent = feature.properties.title;
      L.circleMarker([position[1], position[0]], {
        radius: 8, color: '#ffffff', weight: 2, fillColor: '#1d5f8a', fillOpacity: 1
      }).bindPopup(link).addTo(map);
    });
  });
}());
