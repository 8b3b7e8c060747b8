/**
 * `I` with every field it names looked up in the platform model `M` (an official SDK model type): a field `M` does
 * not have becomes `never`, so a value of type `I` no longer fits. Lists are followed to their items, objects to
 * their fields; a leaf must be assignable to the model's type for that field.
 */
export type WithinModel<I, M> = I extends readonly (infer Item)[]
    ? M extends readonly (infer ModelItem)[]
        ? WithinModel<Item, ModelItem>[]
        : never
    : I extends object
      ? M extends object
          ? {
                [K in keyof I]: K extends keyof M
                    ? WithinModel<I[K], NonNullable<M[K]>> | Extract<I[K], undefined>
                    : never;
            }
          : never
      : I extends M
        ? I
        : never;

/**
 * A value the provider built, as the SDK model type the platform's API is typed with. The SDK types a reference as
 * the whole referenced object (a `User` with its required `version`), where the platform takes `{ id }`: the value
 * cannot be of the model type itself, but it is checked at compile time to name no field the model lacks, and each
 * of its leaves to be of the model's type.
 */
export function asModel<M, I>(value: I & WithinModel<I, M>): M {
    return value as unknown as M;
}
