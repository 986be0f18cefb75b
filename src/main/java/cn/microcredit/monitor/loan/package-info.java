/** The loan record of SPEC 3.1 and its closed sets, each code with its Chinese label; the policy regime of SPEC 4. */
package cn.microcredit.monitor.loan;
