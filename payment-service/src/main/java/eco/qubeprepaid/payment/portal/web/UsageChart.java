package eco.qubeprepaid.payment.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import eco.qubeprepaid.payment.wallet.client.BalanceServiceClient.DayUse;

/**
 * The geometry of the daily usage chart, drawn as inline SVG by the page (no script, no
 * library from elsewhere): one bar per day, scaled to the busiest day, each with its date
 * and kWh for screen readers.
 *
 * @param width the drawing's width in SVG units
 * @param height the drawing's height
 * @param bars the bars, oldest day first
 * @param maxKwh the busiest day's kWh (the scale), as text
 */
public record UsageChart(int width, int height, List<Bar> bars, String maxKwh) {

	private static final int WIDTH = 300;

	private static final int HEIGHT = 120;

	private static final int BASELINE = 110;

	/**
	 * @param days the days, oldest first
	 * @return the chart
	 */
	public static UsageChart of(List<DayUse> days) {
		BigDecimal max = days.stream().map(DayUse::energyWh).reduce(BigDecimal.ZERO, BigDecimal::max);
		List<Bar> bars = new ArrayList<>();
		int count = Math.max(days.size(), 1);
		double slot = (double) WIDTH / count;
		for (int i = 0; i < days.size(); i++) {
			DayUse day = days.get(i);
			double share = (max.signum() > 0) ? day.energyWh().doubleValue() / max.doubleValue() : 0;
			int barHeight = (int) Math.round(share * (BASELINE - 10));
			bars.add(new Bar(round(i * slot + slot * 0.15), BASELINE - barHeight, round(slot * 0.7),
					Math.max(barHeight, 0), day.date().toString(), kwh(day.energyWh())));
		}
		return new UsageChart(WIDTH, HEIGHT, bars, kwh(max));
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static String kwh(BigDecimal wh) {
		return wh.movePointLeft(3).setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * One day's bar.
	 *
	 * @param x left edge
	 * @param y top edge
	 * @param width width
	 * @param height height
	 * @param date the IST day
	 * @param kwh the day's energy in kWh, two decimals
	 */
	public record Bar(double x, int y, double width, int height, String date, String kwh) {
	}

}
