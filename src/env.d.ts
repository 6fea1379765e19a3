/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Charts of the chapter being rendered, by the text slot they belong to. */
    chartPlacement?: import('./lib/chart-slots.ts').ChartPlacement;
  }
}
