package cn.microcredit.monitor.report;

/**
 * POI asks JAXP for a new {@code TransformerFactory} each time it saves a workbook's content types and properties
 * (twice per workbook). Without a system property naming the implementation, JAXP looks for one through the
 * ServiceLoader, which scans every jar of the Spring Boot fat jar: profiled on the sample data (JFR), the look-up was 3 %
 * of the report step's CPU and the factory's set-up as much again. Naming the JDK's own implementation, which JAXP would
 * pick anyway after the scan (no jar of ours provides another), skips the scan; a value set from outside is left alone.
 */
final class PoiXmlFactories {

    static final String TRANSFORMER = "javax.xml.transform.TransformerFactory";
    static final String JDK_TRANSFORMER = "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl";

    private PoiXmlFactories() {
    }

    static void use() {
        if (System.getProperty(TRANSFORMER) == null) {
            System.setProperty(TRANSFORMER, JDK_TRANSFORMER);
        }
    }
}
