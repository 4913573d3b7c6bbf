import { CompiledQuery, type Compilable } from 'kysely'


/**
 * A query built once and run many times with new arguments: Kysely builds and compiles a query tree on every call,
 * which costs more than running the statement itself on the submit path. `build` is called once with placeholder
 * arguments; each placeholder's position in the compiled parameters is remembered, and later calls only swap values.
 * (Placeholders must reach the query as parameters, i.e. be used as values, not as identifiers.)
 */
export function prepare<A extends unknown[], R>(build: (...args: A) => Compilable<R>, arity: A['length']) {
  const placeholders = Array.from({ length: arity }, (_, i) => `\u0000prepared-argument-${i}\u0000`)
  const compiled = build(...(placeholders as A)).compile()
  const positions = compiled.parameters.map((p) => (typeof p === 'string' ? placeholders.indexOf(p) : -1))
  for (let i = 0; i < arity; i++) {
    if (!positions.includes(i)) throw new Error(`prepare: argument ${i} does not reach the query as a parameter`)
  }
  return {
    sql: compiled.sql,
    /** The compiled query for these arguments. */
    with: (...args: A): CompiledQuery<R> =>
      CompiledQuery.raw(compiled.sql, positions.map((pos, i) => (pos >= 0 ? args[pos] : compiled.parameters[i]))) as CompiledQuery<R>,
  }
}
