/** Where in the game screen each command is given: its panel and the form's heading there (for tutorial hints). */
import type { CommandType } from '../../../engine/index';
import type { PanelId } from './panels/Panel';

export interface CommandPlace {
  panel: PanelId;
  /** The heading (and accessible name) of the form that issues the command. */
  form: string;
}

/** Typed as a full record, so a new command type does not compile until it has a place. */
export const COMMAND_PLACES: Readonly<Record<CommandType, CommandPlace>> = {
  'chips/order': { panel: 'chips', form: 'Order chips' },
  'chips/deploy': { panel: 'chips', form: 'Deploy chips' },
  'chips/reassign': { panel: 'chips', form: 'Reassign a deployment' },
  'chips/design': { panel: 'chips', form: 'Next-generation design' },
  'supply/signHbmLta': { panel: 'chips', form: 'Sign an HBM long-term agreement' },
  'site/build': { panel: 'sites', form: 'Build capacity' },
  'power/signPpa': { panel: 'power', form: 'Sign a power purchase agreement' },
  'power/buildOnsite': { panel: 'power', form: 'Build on-site generation' },
  'market/setPrice': { panel: 'markets', form: 'Your prices' },
  'training/bid': { panel: 'training', form: 'Open training contracts' },
  'finance/borrow': { panel: 'finance', form: 'Borrow' },
  'finance/repay': { panel: 'finance', form: 'Repay early' },
  'finance/raiseEquity': { panel: 'finance', form: 'Raise equity' },
  'finance/revenueShareDeal': { panel: 'finance', form: 'Revenue-share deal' },
};
