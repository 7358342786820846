import { useEffect, useState } from 'react';
import type { GlandAnatomy } from '../../../shared/anatomy/gland-anatomy';
import { generateGland } from '../../../shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS, parseGlandParameters } from '../../../shared/anatomy/gland-parameters';
import type { Host } from '../../host/host';

export const GLAND_PARAMETER_FILE = 'gland.json';

/**
 * Reads models/gland.json through the host and generates the gland. A broken or missing file
 * never stops the atlas: the problems are reported and the defaults (or the valid fields) used.
 */
export function useGlandAnatomy(host: Host): { anatomy: GlandAnatomy | null; problems: string[] } {
  const [state, setState] = useState<{ anatomy: GlandAnatomy | null; problems: string[] }>({ anatomy: null, problems: [] });
  useEffect(() => {
    let live = true;
    host
      .readContent({ root: 'models', path: GLAND_PARAMETER_FILE })
      .then((file) => parseGlandParameters(file.text, `models/${GLAND_PARAMETER_FILE}`))
      .catch((error: unknown) => ({
        parameters: DEFAULT_GLAND_PARAMETERS,
        problems: [{ message: `models/${GLAND_PARAMETER_FILE}: ${error instanceof Error ? error.message : String(error)}` }],
      }))
      .then(({ parameters, problems }) => {
        if (live) setState({ anatomy: generateGland(parameters), problems: problems.map((p) => p.message) });
      });
    return () => {
      live = false;
    };
  }, [host]);
  return state;
}
