/**
 * The subset of Adaptive Cards 1.5 the assistant emits, as strict zod schemas: a rendered card
 * that does not fit is a bug. Property names and enum values follow the Adaptive Card 1.5 schema
 * (adaptivecards.io/schemas/adaptive-card.json); unknown properties are refused.
 */
import { z } from 'zod';

const spacing = z.enum(['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding']);
const color = z.enum(['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention']);

const common = { id: z.string().min(1).optional(), spacing: spacing.optional(), separator: z.boolean().optional(), isVisible: z.boolean().optional() };

export const textBlockSchema = z
  .object({
    ...common,
    type: z.literal('TextBlock'),
    text: z.string(),
    wrap: z.boolean().optional(),
    weight: z.enum(['Default', 'Lighter', 'Bolder']).optional(),
    size: z.enum(['Default', 'Small', 'Medium', 'Large', 'ExtraLarge']).optional(),
    color: color.optional(),
    isSubtle: z.boolean().optional(),
    style: z.enum(['default', 'heading']).optional(),
  })
  .strict();

export const factSetSchema = z
  .object({ ...common, type: z.literal('FactSet'), facts: z.array(z.object({ title: z.string(), value: z.string() }).strict()) })
  .strict();

const inputCommon = {
  ...common,
  id: z.string().min(1),
  label: z.string().optional(),
  isRequired: z.boolean().optional(),
  errorMessage: z.string().optional(),
};

export const inputTextSchema = z
  .object({
    ...inputCommon,
    type: z.literal('Input.Text'),
    value: z.string().optional(),
    placeholder: z.string().optional(),
    maxLength: z.number().int().positive().optional(),
    isMultiline: z.boolean().optional(),
    style: z.enum(['Text', 'Tel', 'Url', 'Email', 'Password']).optional(),
  })
  .strict();

export const inputNumberSchema = z
  .object({
    ...inputCommon,
    type: z.literal('Input.Number'),
    value: z.number().optional(),
    placeholder: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const inputDateSchema = z
  .object({ ...inputCommon, type: z.literal('Input.Date'), value: isoDate.optional(), min: isoDate.optional(), max: isoDate.optional(), placeholder: z.string().optional() })
  .strict();

export const inputChoiceSetSchema = z
  .object({
    ...inputCommon,
    type: z.literal('Input.ChoiceSet'),
    choices: z.array(z.object({ title: z.string().min(1), value: z.string().min(1) }).strict()).min(1),
    isMultiSelect: z.boolean().optional(),
    style: z.enum(['compact', 'expanded', 'filtered']).optional(),
    value: z.string().optional(),
    placeholder: z.string().optional(),
    wrap: z.boolean().optional(),
  })
  .strict();

export const inputToggleSchema = z
  .object({ ...inputCommon, type: z.literal('Input.Toggle'), title: z.string(), value: z.string().optional(), valueOn: z.string().optional(), valueOff: z.string().optional(), wrap: z.boolean().optional() })
  .strict();

const actionData = z.record(z.string(), z.unknown());

export const actionSubmitSchema = z
  .object({
    type: z.literal('Action.Submit'),
    title: z.string().min(1),
    data: actionData.optional(),
    style: z.enum(['default', 'positive', 'destructive']).optional(),
    associatedInputs: z.enum(['auto', 'none']).optional(),
    /** Said by screen readers and shown on hover: which thing the button acts on. */
    tooltip: z.string().optional(),
  })
  .strict();

export const actionExecuteSchema = z
  .object({
    type: z.literal('Action.Execute'),
    title: z.string().min(1),
    verb: z.string().min(1),
    data: actionData.optional(),
    style: z.enum(['default', 'positive', 'destructive']).optional(),
    associatedInputs: z.enum(['auto', 'none']).optional(),
    /** Said by screen readers and shown on hover: which thing the button acts on. */
    tooltip: z.string().optional(),
  })
  .strict();

export const actionSchema = z.discriminatedUnion('type', [actionSubmitSchema, actionExecuteSchema]);

export const actionSetSchema = z.object({ ...common, type: z.literal('ActionSet'), actions: z.array(actionSchema).min(1) }).strict();

type Element =
  | z.infer<typeof textBlockSchema>
  | z.infer<typeof factSetSchema>
  | z.infer<typeof inputTextSchema>
  | z.infer<typeof inputNumberSchema>
  | z.infer<typeof inputDateSchema>
  | z.infer<typeof inputChoiceSetSchema>
  | z.infer<typeof inputToggleSchema>
  | z.infer<typeof actionSetSchema>
  | { type: 'Container'; items: Element[]; style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent'; id?: string; spacing?: z.infer<typeof spacing>; separator?: boolean };

export const elementSchema: z.ZodType<Element> = z.lazy(() =>
  z.union([
    textBlockSchema,
    factSetSchema,
    inputTextSchema,
    inputNumberSchema,
    inputDateSchema,
    inputChoiceSetSchema,
    inputToggleSchema,
    actionSetSchema,
    z
      .object({
        type: z.literal('Container'),
        id: z.string().min(1).optional(),
        spacing: spacing.optional(),
        separator: z.boolean().optional(),
        style: z.enum(['default', 'emphasis', 'good', 'attention', 'warning', 'accent']).optional(),
        items: z.array(elementSchema),
      })
      .strict(),
  ]),
);

export const ADAPTIVE_CARD_SCHEMA_URL = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export const adaptiveCardSchema = z
  .object({
    type: z.literal('AdaptiveCard'),
    $schema: z.literal(ADAPTIVE_CARD_SCHEMA_URL),
    version: z.literal('1.5'),
    body: z.array(elementSchema),
    actions: z.array(actionSchema).optional(),
    /** Universal Actions: Teams asks the bot for the card again for these users (each sees their own). */
    refresh: z.object({ action: actionExecuteSchema, userIds: z.array(z.string().min(1)).max(60).optional() }).strict().optional(),
    lang: z.string().optional(),
    /** What a host that cannot render the card shows instead (plain text). */
    fallbackText: z.string().optional(),
    /** What a screen reader or voice channel says for the whole card. */
    speak: z.string().optional(),
  })
  .strict()
  .superRefine((card, ctx) => {
    const ids = new Set<string>();
    const walk = (elements: readonly Element[]): void => {
      for (const e of elements) {
        if (e.id !== undefined) {
          if (ids.has(e.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `duplicate element id ${e.id}` });
          ids.add(e.id);
        }
        if (e.type === 'Container') walk(e.items);
      }
    };
    walk(card.body);
  });

export type AdaptiveCard = z.infer<typeof adaptiveCardSchema>;
export type CardElement = Element;
export type CardAction = z.infer<typeof actionSchema>;
