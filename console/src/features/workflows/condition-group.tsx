import {
  ActionIcon,
  Button,
  NativeSelect,
  NumberInput,
  Paper,
  Group as Row,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { errorUnder } from './document-errors';
import {
  addChild,
  type Condition,
  childrenOf,
  type Group,
  isGroup,
  joinOf,
  removeChild,
  replaceChild,
  switchJoin,
  valueFor,
} from './workflow-draft';

export interface FieldOption {
  name: string;
  type: string;
  description: string;
}

interface GroupProps {
  group: Group;
  onChange: (group: Group) => void;
  /** The document path of this group (`conditions`, `conditions.all[1]`). */
  path: string;
  fields: FieldOption[];
  operators: string[];
  errors: Record<string, string>;
  depth: number;
  onRemove?: () => void;
}

/** Groups nest this deep in the form; deeper ones are edited in the JSON view. */
const deepest = 2;

/** An AND/OR group of conditions, holding conditions and groups of its own. */
export function ConditionGroup({
  group,
  onChange,
  path,
  fields,
  operators,
  errors,
  depth,
  onRemove,
}: GroupProps) {
  const join = joinOf(group);
  const children = childrenOf(group);
  const firstField = fields[0]?.name ?? '';
  const label = depth === 0 ? 'Conditions' : `Group ${path.slice('conditions.'.length)}`;
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Stack gap="xs">
        <Row justify="space-between">
          <Row gap="xs">
            <SegmentedControl
              size="xs"
              aria-label={`How ${label.toLowerCase()} combine`}
              value={join}
              data={[
                { value: 'all', label: 'All match (AND)' },
                { value: 'any', label: 'Any matches (OR)' },
              ]}
              onChange={(value) => value !== join && onChange(switchJoin(group))}
            />
            {children.length === 0 && (
              <Text size="sm" c="dimmed">
                {depth === 0 ? 'No conditions: every entity of the trigger matches.' : 'Empty group.'}
              </Text>
            )}
          </Row>
          {onRemove && (
            <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
              Remove group
            </Button>
          )}
        </Row>
        {children.map((child, i) => {
          const childPath = `${path}.${join}[${i}]`;
          const replace = (next: Condition | Group) => onChange(replaceChild(group, i, next));
          const remove = () => onChange(removeChild(group, i));
          return isGroup(child) ? (
            <ConditionGroup
              // Conditions have no identity of their own; their position is their path.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              group={child}
              onChange={replace}
              path={childPath}
              fields={fields}
              operators={operators}
              errors={errors}
              depth={depth + 1}
              onRemove={remove}
            />
          ) : (
            <ConditionRow
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              condition={child}
              onChange={replace}
              onRemove={remove}
              path={childPath}
              fields={fields}
              operators={operators}
              errors={errors}
            />
          );
        })}
        <Row gap="xs">
          <Button
            size="xs"
            variant="light"
            onClick={() => onChange(addChild(group, { field: firstField, op: 'equals', value: '' }))}
          >
            Add condition
          </Button>
          {depth < deepest && (
            <Button size="xs" variant="light" onClick={() => onChange(addChild(group, { any: [] }))}>
              Add group
            </Button>
          )}
        </Row>
      </Stack>
    </Paper>
  );
}

interface RowProps {
  condition: Condition;
  onChange: (condition: Condition) => void;
  onRemove: () => void;
  path: string;
  fields: FieldOption[];
  operators: string[];
  errors: Record<string, string>;
}

function ConditionRow({ condition, onChange, onRemove, path, fields, operators, errors }: RowProps) {
  const field = fields.find((f) => f.name === condition.field);
  // A field the list lacks (a source stopped syncing it, or a pasted document) stays choosable.
  const fieldOptions = [
    ...(field || !condition.field ? [] : [{ value: condition.field, label: `${condition.field} (unknown)` }]),
    ...fields.map((f) => ({ value: f.name, label: `${f.name} (${f.type})` })),
  ];
  const setOp = (op: string) =>
    onChange({ ...condition, op, value: valueFor(op, field?.type, condition.value) });
  const setValue = (typed: unknown) => {
    const value = valueFor(condition.op, field?.type, typed);
    const { value: _old, ...rest } = condition;
    onChange(value === undefined ? rest : { ...rest, value });
  };
  return (
    <Row
      align="flex-start"
      gap="xs"
      wrap="nowrap"
      aria-label={`Condition ${path.slice('conditions.'.length)}`}
      role="group"
    >
      <NativeSelect
        label="Field"
        data={fieldOptions}
        value={condition.field}
        title={field?.description}
        onChange={(e) => onChange({ ...condition, field: e.currentTarget.value })}
        error={errorUnder(errors, `${path}.field`)}
        miw={260}
      />
      <NativeSelect
        label="Operator"
        data={operators}
        miw={130}
        value={condition.op}
        onChange={(e) => setOp(e.currentTarget.value)}
        error={errorUnder(errors, `${path}.op`)}
      />
      <ConditionValue condition={condition} onChange={setValue} error={errorUnder(errors, `${path}.value`)} />
      <ActionIcon variant="subtle" color="red" mt={26} aria-label="Remove condition" onClick={onRemove}>
        ✕
      </ActionIcon>
    </Row>
  );
}

/** The value input the operator calls for. */
function ConditionValue({
  condition,
  onChange,
  error,
}: {
  condition: Condition;
  onChange: (typed: unknown) => void;
  error: string | undefined;
}) {
  const { op, value } = condition;
  if (op === 'is_empty')
    return (
      <NativeSelect
        label="Value"
        data={[
          { value: 'true', label: 'is empty' },
          { value: 'false', label: 'is not empty' },
        ]}
        value={value === false ? 'false' : 'true'}
        onChange={(e) => onChange(e.currentTarget.value === 'true')}
        error={error}
      />
    );
  if (op === 'in')
    return (
      <TagsInput
        label="Values"
        placeholder="Type a value and press Enter"
        value={Array.isArray(value) ? value.map(String) : []}
        onChange={onChange}
        error={error}
        miw={240}
      />
    );
  if (op === 'days_since') {
    const range = (value && typeof value === 'object' ? value : {}) as { gt?: number; lt?: number };
    const direction = range.lt !== undefined ? 'lt' : 'gt';
    const days = range[direction] ?? 30;
    return (
      <Row gap="xs" align="flex-start" wrap="nowrap">
        <NativeSelect
          label="Days since"
          data={[
            { value: 'gt', label: 'more than' },
            { value: 'lt', label: 'fewer than' },
          ]}
          value={direction}
          onChange={(e) => onChange({ [e.currentTarget.value]: days })}
        />
        <NumberInput
          label="Days"
          min={0}
          allowDecimal={false}
          value={days}
          onChange={(n) => onChange({ [direction]: typeof n === 'number' ? n : 0 })}
          error={error}
          w={110}
        />
      </Row>
    );
  }
  return (
    <TextInput
      label="Value"
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
