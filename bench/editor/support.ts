// What the editor bench's harness (bench/editor/run.mjs) borrows from the Node bench: the generated
// corpus and the whole-process CLI figures, so both benches measure the same files the same way.
export { ensureCorpus } from '../corpus';
export { processFigures } from '../processFloor';
