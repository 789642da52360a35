// Output names for attributes written beside columns the writer generates (a coordinate
// table's 图斑编号, X, Y…): an attribute whose name a generated column already has, or that
// differs from one only in case (GDAL and spreadsheets match column names without case), gets
// the first free name_2, name_3…, so every column of the file has a name of its own.
export function distinctFieldNames(generated: readonly string[], attributes: readonly string[]): Map<string, string> {
  const taken = new Set(generated.map((n) => n.toLowerCase()));
  // A new name must not be another attribute's own name either.
  const own = new Set(attributes.map((n) => n.toLowerCase()));
  const names = new Map<string, string>();
  for (const attribute of attributes) {
    let name = attribute;
    for (let k = 2; taken.has(name.toLowerCase()) || (name !== attribute && own.has(name.toLowerCase())); k++) name = `${attribute}_${k}`;
    taken.add(name.toLowerCase());
    names.set(attribute, name);
  }
  return names;
}
