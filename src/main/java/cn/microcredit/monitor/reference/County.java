package cn.microcredit.monitor.reference;

/**
 * A county-level division (县, 自治县, 县级市, 区) by its GB/T 2260 code, with the sub-bureau (金融监管分局) that
 * supervises it.
 */
public record County(String code, String name, String cityCode, String cityName, String subBureau) {
}
