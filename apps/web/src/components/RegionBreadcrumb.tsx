import type { RegionRef } from '@cradle/contract';
import { EnvironmentOutlined } from '@ant-design/icons';
import { Breadcrumb, Typography } from 'antd';
import { isWithinJurisdiction } from '../lib/domain';
import { useMe } from '../lib/auth';

type Props = { path: readonly RegionRef[]; onOpen: (code: string) => void };

/** Province … current region; levels above the user's jurisdiction show but do not link. */
export function RegionBreadcrumb({ path, onOpen }: Props) {
  const me = useMe();
  const last = path.length - 1;
  return (
    <Breadcrumb
      data-testid="region-breadcrumb"
      items={path.map((node, i) => {
        const linkable = i < last && isWithinJurisdiction(node.code, me.jurisdiction.code);
        const title = linkable ? (
          <Typography.Link onClick={() => onOpen(node.code)}>{node.name}</Typography.Link>
        ) : (
          <span>{node.name}</span>
        );
        return {
          key: node.code,
          title:
            i === 0 ? (
              <>
                <EnvironmentOutlined /> {title}
              </>
            ) : (
              title
            ),
        };
      })}
    />
  );
}
