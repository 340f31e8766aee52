/**
 * The screens beside the case desk, loaded when first opened (their code, ECharts
 * among it, stays out of the inbox's bundle). Each takes the rest of its path.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Screen } from '../router';

export interface ScreenProps {
  /** The path after /console/<screen>/, '' when none (e.g. a zone's code). */
  sub: string;
}

export const SCREEN_COMPONENTS: Record<Screen, LazyExoticComponent<ComponentType<ScreenProps>>> = {
  zones: lazy(() => import('./zones/ZonesScreen')),
  liaisons: lazy(() => import('./zones/LiaisonsScreen')),
  categories: lazy(() => import('./zones/CategoriesScreen')),
  calendar: lazy(() => import('./zones/CalendarScreen')),
  rules: lazy(() => import('./rules/RulesScreen')),
  figures: lazy(() => import('./figures/FiguresScreen')),
  operations: lazy(() => import('./operations/OperationsScreen')),
  cards: lazy(() => import('./operations/CardsScreen')),
  audit: lazy(() => import('./operations/AuditScreen')),
};
