// datapackage-js (Frictionless): the descriptor is a valid tabular data package, and every
// resource reads with its Table Schema, relations (foreign keys) checked.
// usage: node check-datapackage.cjs DATASET_DIR   (needs datapackage, from NODE_PATH or node_modules)
const { Package } = require("datapackage");
const version = require("datapackage/package.json").version;
(async () => {
  const dir = process.argv[2];
  const pkg = await Package.load(`${dir}/datapackage.json`, { basePath: dir });
  console.log(`datapackage-js ${version}: descriptor ${pkg.valid ? "valid" : "INVALID"} (profile ${pkg.descriptor.profile})` +
    (pkg.valid ? "" : `: ${pkg.errors.map((e) => e.message).join("; ")}`));
  let failed = pkg.valid ? 0 : 1;
  for (const resource of pkg.resources) {
    try {
      const rows = await resource.read({ relations: true, cast: true });
      console.log(`datapackage-js ${resource.name}: ${rows.length} rows cast to their types, relations checked`);
    } catch (e) {
      failed++;
      const errors = e.errors ? e.errors.slice(0, 3).map((x) => x.message).join("; ") : "";
      console.log(`datapackage-js ${resource.name}: FAILED ${e.message} ${errors}`);
    }
  }
  process.exit(failed ? 1 : 0);
})();
