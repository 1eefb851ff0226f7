// Handles to the state's arrays and numbers (as bitECS declares components): a
// module declares each of its arrays and numbers once, at the top of its file,
//
//   const STAMPS = stateArray.i32('p2p.stamps');
//   const CALLS = stateNumber('p2p.calls');
//
// and reads them with `state.get(STAMPS)` / `state.vals[CALLS.id]`: an index, not
// a string lookup. The name is the array's v1 name: snapshots and the hash are
// keyed by names, so v1's state hashes are unchanged. A name always maps to the
// same handle (per-item arrays such as `info.3.state` are declared when the item
// appears); declaring a name again with another element type is a bug and throws.

export type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

export type ElementType = 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'f32' | 'f64';

const CONSTRUCTOR_TYPE: Record<string, ElementType> = {
  Int8Array: 'i8', Uint8Array: 'u8', Int16Array: 'i16', Uint16Array: 'u16',
  Int32Array: 'i32', Uint32Array: 'u32', Float32Array: 'f32', Float64Array: 'f64',
};

/** A declared array of the state: its slot, v1 name and element type. */
export interface ArrayHandle<T extends TypedArray = TypedArray> {
  readonly id: number;
  readonly name: string;
  readonly type: ElementType;
  /** Phantom: the array's TypeScript type. */
  readonly _array?: T;
}

/** A declared number of the state. */
export interface ScalarHandle {
  readonly id: number;
  readonly name: string;
}

const arraysByName = new Map<string, ArrayHandle>();
const arrayList: ArrayHandle[] = [];
const scalarsByName = new Map<string, ScalarHandle>();
const scalarNames: string[] = [];

function declareArray<T extends TypedArray>(name: string, type: ElementType): ArrayHandle<T> {
  const known = arraysByName.get(name);
  if (known !== undefined) {
    if (known.type !== type) throw new Error(`state array "${name}" is declared as ${known.type} and again as ${type}`);
    return known as ArrayHandle<T>;
  }
  const h: ArrayHandle<T> = Object.freeze({ id: arrayList.length, name, type });
  arrayList.push(h);
  arraysByName.set(name, h);
  return h;
}

/** Declares (or finds) a state array by v1 name and element type. */
export const stateArray = {
  i8: (name: string) => declareArray<Int8Array>(name, 'i8'),
  u8: (name: string) => declareArray<Uint8Array>(name, 'u8'),
  i16: (name: string) => declareArray<Int16Array>(name, 'i16'),
  u16: (name: string) => declareArray<Uint16Array>(name, 'u16'),
  i32: (name: string) => declareArray<Int32Array>(name, 'i32'),
  u32: (name: string) => declareArray<Uint32Array>(name, 'u32'),
  f32: (name: string) => declareArray<Float32Array>(name, 'f32'),
  f64: (name: string) => declareArray<Float64Array>(name, 'f64'),
};

/** Declares (or finds) a state number by v1 name. */
export function stateNumber(name: string): ScalarHandle {
  const known = scalarsByName.get(name);
  if (known !== undefined) return known;
  const h: ScalarHandle = Object.freeze({ id: scalarNames.length, name });
  scalarNames.push(name);
  scalarsByName.set(name, h);
  return h;
}

/** The handle for an array of this name and the type of `a` (declaring it if new). */
export function handleForArray(name: string, a: TypedArray): ArrayHandle {
  const type = CONSTRUCTOR_TYPE[a.constructor.name];
  if (type === undefined) throw new Error(`state array "${name}": not a typed array (${a.constructor.name})`);
  return declareArray(name, type);
}

/** The declared array handle of this name, if any. */
export function findArrayHandle(name: string): ArrayHandle | undefined {
  return arraysByName.get(name);
}

/** The declared number handle of this name, if any. */
export function findScalarHandle(name: string): ScalarHandle | undefined {
  return scalarsByName.get(name);
}

/** The array handle with slot `id`. */
export function arrayHandleOf(id: number): ArrayHandle {
  return arrayList[id]!;
}

/** The name of the number with slot `id`. */
export function scalarNameOf(id: number): string {
  return scalarNames[id]!;
}

/** The same as `stateNumber` (an alias for call sites that read better with it). */
export const scalarHandle = stateNumber;
