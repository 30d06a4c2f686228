import type { DeclaredParentMatch } from '@cradle/contract';
import { Alert, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MaskedId } from '../persons/personColumns';

/**
 * The parents a family declared by name and ID number, each with the registry person that pair
 * matches: what public security checks against the papers before the newborn is linked to them.
 */
export function DeclaredParents({ parents }: { parents: DeclaredParentMatch[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="declared-parents">
      <Alert
        type="info"
        showIcon
        title={t('family.complete.declared.title')}
        description={t('family.complete.declared.hint')}
      />
      {parents.map((p) => {
        const r = p.registry;
        const role = t(`family.tasks.${p.role}`);
        const declared = (
          <>
            {p.declared.name} <MaskedId value={p.declared.idMasked} />
          </>
        );
        if (r === null) {
          return (
            <Descriptions
              key={p.role}
              bordered
              size="small"
              column={1}
              data-testid={`declared-${p.role}`}
              data-known="false"
              items={[
                { key: 'declared', label: role, children: declared },
                {
                  key: 'registry',
                  label: t('family.complete.declared.registry'),
                  children: <Typography.Text type="secondary">{t('family.complete.declared.none')}</Typography.Text>,
                },
              ]}
            />
          );
        }
        const sex = r.sex === 'male' || r.sex === 'female' ? t(`sex.${r.sex}`) : r.sex;
        return (
          <Descriptions
            key={p.role}
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            data-testid={`declared-${p.role}`}
            data-known="true"
            items={[
              { key: 'declared', label: role, children: declared, span: { xs: 1, md: 2 } },
              { key: 'name', label: t('family.complete.declared.registryName'), children: r.name },
              {
                key: 'sexAge',
                label: t('family.complete.declared.sexAge'),
                children: t('family.complete.declared.sexAgeText', { sex, age: r.age }),
              },
              {
                key: 'residence',
                label: t('family.complete.declared.residence'),
                children: r.residenceRegion.name || r.residenceRegion.code,
              },
              {
                key: 'hukou',
                label: t('family.complete.declared.hukou'),
                children: r.hukouRegion.name || r.hukouRegion.code,
              },
              {
                key: 'children',
                label: t('family.complete.declared.children'),
                children: <span data-testid={`declared-${p.role}-children`}>{r.children}</span>,
              },
            ]}
          />
        );
      })}
    </Flex>
  );
}
