import type { LifeEventInput } from '@cradle/contract';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordLifeEvent } from '../../api/lifeEvents';
import { useMe } from '../../lib/auth';
import {
  CAUSE_CATEGORIES,
  DEATH_PLACES,
  kindsOfDepartment,
  mayRecordMaternal,
  type LifeEventKind,
} from '../../lib/domain';
import { useErrorText } from '../../lib/errors';

type Values = {
  kind: LifeEventKind;
  idNumber: string;
  eventDate: Dayjs;
  deathPlace?: LifeEventInput['deathPlace'];
  causeCategory?: LifeEventInput['causeCategory'];
  maternal?: boolean;
  otherRegionCode?: string;
  otherRegionName?: string;
  newResidenceCode?: string;
  spouseIdNumber?: string;
};

// A fresh reference per event typed: a double click or a retry sends the same one, and the
// server records it once (issue 13).
const newReference = () => `form-${crypto.randomUUID()}`;
const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** 登记: the kinds the operator's department records, with the fields each needs. */
export function LifeEventForm({ onRecorded }: { onRecorded: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [reference, setReference] = useState(newReference);
  const kinds = kindsOfDepartment(me.department);
  // Undefined until the form has mounted.
  const kind = (Form.useWatch('kind', form) as LifeEventKind | undefined) ?? kinds[0] ?? 'death';
  const save = useMutation({
    mutationFn: (v: Values) =>
      recordLifeEvent({
        kind: v.kind,
        idNumber: v.idNumber.trim(),
        eventDate: v.eventDate.format('YYYY-MM-DD'),
        deathPlace: v.deathPlace ?? null,
        causeCategory: v.causeCategory ?? null,
        maternal: v.kind === 'death' ? Boolean(v.maternal) : null,
        otherRegionCode: blank(v.otherRegionCode),
        otherRegionName: blank(v.otherRegionName),
        newResidenceCode: blank(v.newResidenceCode),
        spouseIdNumber: blank(v.spouseIdNumber),
        reference,
      }),
    onSuccess: (r) => {
      void message.success(
        r.duplicate
          ? t('events.form.duplicate')
          : t('events.form.recorded', { name: r.event.name, kind: t(`lifeEventKinds.${r.event.kind}`) }),
      );
      form.resetFields([
        'idNumber',
        'eventDate',
        'maternal',
        'otherRegionCode',
        'otherRegionName',
        'newResidenceCode',
        'spouseIdNumber',
      ]);
      setReference(newReference());
      onRecorded();
    },
    onError: (e) => void message.error({ content: errorText(e), className: 'life-event-error' }),
  });
  const required = [{ required: true, message: t('events.form.required') }];

  return (
    <Card title={t('events.form.title')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: kinds[0] }}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={() => save.isError && save.reset()}
        style={{ maxWidth: 560 }}
        data-testid="life-event-form"
      >
        <Form.Item name="kind" label={t('events.fields.kind')} rules={required}>
          <Select
            options={kinds.map((k) => ({ value: k, label: t(`lifeEventKinds.${k}`) }))}
            data-testid="event-kind"
          />
        </Form.Item>
        <Form.Item name="idNumber" label={t('events.fields.idNumber')} rules={required}>
          <Input maxLength={18} autoComplete="off" data-testid="event-id-number" />
        </Form.Item>
        <Form.Item name="eventDate" label={t(`events.dateOf.${kind}`)} rules={required}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="event-date"
          />
        </Form.Item>
        {kind === 'death' && (
          <>
            <Form.Item name="deathPlace" label={t('events.fields.deathPlace')} rules={required}>
              <Select
                options={DEATH_PLACES.map((p) => ({ value: p, label: t(`deathPlaces.${p}`) }))}
                data-testid="event-place"
              />
            </Form.Item>
            <Form.Item name="causeCategory" label={t('events.fields.causeCategory')} rules={required}>
              <Select
                options={CAUSE_CATEGORIES.map((c) => ({ value: c, label: t(`causeCategories.${c}`) }))}
                data-testid="event-cause"
              />
            </Form.Item>
            {mayRecordMaternal(me.department) && (
              <Form.Item name="maternal" valuePropName="checked" extra={t('events.form.maternalHint')}>
                <Checkbox data-testid="event-maternal">{t('events.fields.maternal')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {(kind === 'moveIn' || kind === 'moveOut') && (
          <>
            <Form.Item
              name="otherRegionCode"
              label={t(kind === 'moveOut' ? 'events.fields.moveToCode' : 'events.fields.moveFromCode')}
              rules={kind === 'moveOut' ? required : []}
              extra={t('events.form.regionCodeHint')}
            >
              <Input maxLength={12} data-testid="event-other-code" />
            </Form.Item>
            <Form.Item
              name="otherRegionName"
              label={t(kind === 'moveOut' ? 'events.fields.moveToName' : 'events.fields.moveFromName')}
            >
              <Input maxLength={100} data-testid="event-other-name" />
            </Form.Item>
          </>
        )}
        {kind === 'moveIn' && (
          <Form.Item name="newResidenceCode" label={t('events.fields.newResidenceCode')} rules={required}>
            <Input maxLength={12} data-testid="event-new-residence" />
          </Form.Item>
        )}
        {kind === 'marriage' && (
          <Form.Item name="spouseIdNumber" label={t('events.fields.spouseIdNumber')}>
            <Input maxLength={18} autoComplete="off" data-testid="event-spouse" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="event-submit">
          {t('events.form.submit')}
        </Button>
      </Form>
    </Card>
  );
}
