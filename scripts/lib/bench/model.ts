/**
 * The figures behind a synthetic region: enrollment and fund accounts from 2008 to 2023, exact
 * integers (people; money in yuan, whole hundreds so that 万元 with two decimals is exact),
 * internally consistent by construction: active + retired = employee enrollment, employee +
 * resident = total, income − expenditure = surplus, last year's balance + surplus = balance,
 * pooled + individual accounts = employee balance, employee + resident = total for every fund
 * figure. Counties (and prefectures without counties) are modelled; a prefecture or province
 * is the sum of its parts, so that a province's table of prefectures agrees with the
 * prefectures' own bulletins. Bulletins round these as they state them; the checks allow for
 * that rounding.
 */
import type { Region } from '../../../src/pipeline/schema.ts';
import { randomFor } from './random.ts';

export const FIRST_MODEL_YEAR = 2008;
export const LAST_YEAR = 2023;

export type YearFigures = {
  year: number;
  active: number;
  retired: number;
  employee: number;
  resident: number;
  total: number;
  maternity: number;
  /** Stated as "参保率稳定在…%以上". */
  coverageRate: number;
  empIncome: number;
  empContribution: number;
  empExpenditure: number;
  empSurplus: number;
  empBalance: number;
  empPooledBalance: number;
  empIndividualBalance: number;
  resIncome: number;
  resExpenditure: number;
  resSurplus: number;
  resBalance: number;
  totIncome: number;
  totExpenditure: number;
  totSurplus: number;
  totBalance: number;
  /** Fund supervision, cross-province settlement and procurement (not part of any check). */
  inspected: number;
  processed: number;
  suspended: number;
  terminated: number;
  recovered: number;
  crossInstitutions: number;
  crossPharmacies: number;
  crossSettlements: number;
  crossCost: number;
  crossFundPaid: number;
  drugs: number;
};

/** A region's figures, by year. */
export type RegionModel = { region: Region; years: Map<number, YearFigures> };

const round100 = (x: number) => Math.round(x / 100) * 100;

/** Figures of every region, built on demand: parts first, wholes as their sums. */
export class RegionModels {
  private readonly models = new Map<string, RegionModel>();
  private readonly children = new Map<string, Region[]>();
  private readonly seed: number;

  constructor(seed: number, gazetteer: Region[]) {
    this.seed = seed;
    for (const r of gazetteer) if (r.parent) this.children.set(r.parent, [...(this.children.get(r.parent) ?? []), r]);
    for (const list of this.children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The sub-regions a region's figures are the sum of (none for a modelled region). */
  partsOf(region: Region): Region[] {
    return region.level === 'county' || region.level === 'national' ? [] : (this.children.get(region.code) ?? []);
  }

  /**
   * @example
   *   models.get(anyang).years.get(2022)!.total // employee + resident, in people
   */
  get(region: Region): RegionModel {
    let model = this.models.get(region.code);
    if (!model) {
      const parts = this.partsOf(region);
      model = parts.length === 0 ? modelRegion(this.seed, region) : sumRegions(this.seed, region, parts.map((p) => this.get(p)));
      this.models.set(region.code, model);
    }
    return model;
  }
}

// Figures that do not add up across places: the rate is the region's own, and so is the
// number of procured drugs (each place implements the same national list).
function sumRegions(seed: number, region: Region, parts: RegionModel[]): RegionModel {
  const own = randomFor(seed, `model|${region.code}`);
  const coverageRate = own.pick([95, 96, 97]);
  const years = new Map<number, YearFigures>();
  for (let year = FIRST_MODEL_YEAR; year <= LAST_YEAR; year++) {
    const figures = parts.map((p) => p.years.get(year)!);
    const sum = Object.fromEntries(Object.keys(figures[0]!).map((k) => [k, figures.reduce((s, f) => s + f[k as keyof YearFigures], 0)])) as YearFigures;
    years.set(year, { ...sum, year, coverageRate, drugs: randomFor(seed, `model|${region.code}|${year}`).int(180, 520) });
  }
  return { region, years };
}

/** A region modelled on its own: a county, or a prefecture without counties. */
function modelRegion(seed: number, region: Region): RegionModel {
  const r = randomFor(seed, `model|${region.code}`);
  // 2008 employee enrollment: counties of 5 to 80 thousand, cities without counties of 80
  // thousand to a million; residents 2.5 to 7 times as many.
  let employee = Math.round(region.level === 'county' ? r.between(5e3, 8e4) : r.between(8e4, 1e6));
  let resident = Math.round(employee * r.between(2.5, 7));
  let retiredShare = r.between(0.22, 0.31);
  const employeeGrowth = r.between(0.008, 0.045);
  const residentGrowth = r.between(-0.025, 0.012);
  const maternityShare = r.between(0.55, 0.8);
  const coverageRate = r.pick([95, 96, 97]);
  let empPerCap = r.between(3000, 5200);
  let resPerCap = r.between(180, 320);
  const empPerCapGrowth = r.between(0.05, 0.09);
  const resPerCapGrowth = r.between(0.08, 0.13);
  const empSpend = r.between(0.78, 0.92);
  const resSpend = r.between(0.88, 0.98);
  const contribution = r.between(0.86, 0.94);
  const pooledShare = r.between(0.4, 0.6);
  let empBalance = round100(employee * empPerCap * r.between(0.8, 1.4));
  let resBalance = round100(resident * resPerCap * r.between(0.3, 0.6));

  const years = new Map<number, YearFigures>();
  for (let year = FIRST_MODEL_YEAR; year <= LAST_YEAR; year++) {
    const y = randomFor(seed, `model|${region.code}|${year}`);
    if (year > FIRST_MODEL_YEAR) {
      employee = Math.round(employee * (1 + employeeGrowth + y.between(-0.006, 0.006)));
      resident = Math.round(resident * (1 + residentGrowth + y.between(-0.008, 0.008)));
      retiredShare = Math.min(0.42, retiredShare + y.between(0.001, 0.006));
      empPerCap *= 1 + empPerCapGrowth + y.between(-0.01, 0.01);
      resPerCap *= 1 + resPerCapGrowth + y.between(-0.015, 0.015);
    }
    const retired = Math.round(employee * retiredShare);
    const active = employee - retired;
    const empIncome = round100(employee * empPerCap);
    const empExpenditure = round100(empIncome * (empSpend + y.between(-0.03, 0.03)));
    const empSurplus = empIncome - empExpenditure;
    empBalance += empSurplus;
    const empPooledBalance = round100(empBalance * (pooledShare + y.between(-0.02, 0.02)));
    const resIncome = round100(resident * resPerCap);
    const resExpenditure = round100(resIncome * (resSpend + y.between(-0.03, 0.015)));
    const resSurplus = resIncome - resExpenditure;
    resBalance += resSurplus;
    const total = employee + resident;
    const scale = total / 1e6;
    const crossSettlements = Math.round(scale * y.between(800, 4000));
    const crossCost = round100(crossSettlements * y.between(9000, 16000));
    years.set(year, {
      year,
      active,
      retired,
      employee,
      resident,
      total,
      maternity: Math.round(employee * maternityShare),
      coverageRate,
      empIncome,
      empContribution: round100(empIncome * contribution),
      empExpenditure,
      empSurplus,
      empBalance,
      empPooledBalance,
      empIndividualBalance: empBalance - empPooledBalance,
      resIncome,
      resExpenditure,
      resSurplus,
      resBalance,
      totIncome: empIncome + resIncome,
      totExpenditure: empExpenditure + resExpenditure,
      totSurplus: empSurplus + resSurplus,
      totBalance: empBalance + resBalance,
      inspected: Math.max(4, Math.round(scale * y.between(250, 420))),
      processed: Math.max(1, Math.round(scale * y.between(60, 140))),
      suspended: Math.max(1, Math.round(scale * y.between(5, 20))),
      terminated: Math.max(1, Math.round(scale * y.between(1, 5))),
      recovered: round100(scale * y.between(2e6, 9e6)),
      crossInstitutions: Math.max(1, Math.round(scale * y.between(60, 200))),
      crossPharmacies: Math.max(2, Math.round(scale * y.between(150, 600))),
      crossSettlements,
      crossCost,
      crossFundPaid: round100(crossCost * y.between(0.5, 0.65)),
      drugs: y.int(180, 520),
    });
  }
  return { region, years };
}
