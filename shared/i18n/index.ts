export * from './locale'
export * from './errors'
export * from './field-errors'
export * from './ui'
