#!/usr/bin/env bash
# Installs Debian's GDAL (ogrinfo, ogr2ogr, gdal_translate, gdalwarp…), its Python samples (the
# GeoPackage validator validate_gpkg.py) and PROJ (cs2cs, projinfo): the interchange tests check
# Fulv's files and coordinates against them, and the imagery tests make their GeoTIFFs and MBTiles
# with them.
set -euo pipefail
if command -v ogrinfo >/dev/null && command -v ogr2ogr >/dev/null && command -v gdalwarp >/dev/null && command -v cs2cs >/dev/null && command -v projinfo >/dev/null \
  && [ -f /usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "GDAL or PROJ is missing. Install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends gdal-bin python3-gdal proj-bin" >&2
  exit 1
fi
echo "Installing GDAL and PROJ from Debian…"
DEBIAN_FRONTEND=noninteractive apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gdal-bin python3-gdal proj-bin >/dev/null
