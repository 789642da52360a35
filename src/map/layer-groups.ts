// The groups a user toggles in the layer panel, and the map layers each one owns.
export const LAYER_GROUPS = ['parcels', 'treated', 'zones', 'buffers', 'context', 'gem', 'imported'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export const GROUP_LAYERS: Record<LayerGroup, string[]> = {
  buffers: ['buffers-fill', 'buffers-outline'],
  zones: ['zones-fill', 'zones-outline', 'zones-line', 'zones-label', 'zones-line-label'],
  // A mine is its parcels: its name goes with them.
  parcels: ['parcels-fill', 'parcels-outline', 'parcels-label', 'mines-label'],
  treated: ['treated-fill', 'treated-outline'],
  context: ['context-township-line', 'context-township-label', 'context-village', 'context-village-label'],
  gem: ['gem-fill', 'gem-outline', 'gem-point'],
  imported: ['imported-fill', 'imported-outline', 'imported-line', 'imported-point'],
};

/** Layers answering clicks, in priority order: the feature drawn on top wins. */
export const CLICKABLE_LAYERS = ['treated-fill', 'parcels-fill', 'imported-fill', 'imported-line', 'imported-point', 'gem-fill', 'gem-point', 'zones-fill', 'zones-line'] as const;

/** The group a layer belongs to, if the user can toggle it. */
export const LAYER_GROUP: Partial<Record<string, LayerGroup>> = Object.fromEntries(
  (Object.entries(GROUP_LAYERS) as [LayerGroup, string[]][]).flatMap(([group, layers]) => layers.map((layer) => [layer, group])),
);
