package org.zhibao.document;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** One document of each kind with made-up facts, in Chinese: the kind of text the renderer must carry. */
final class SampleDocuments {

    static final String CASE_NUMBER = "浙知裁字〔2026〕12号";
    static final String OFFICE = "浙江省知识产权局";
    static final String REQUESTER = "杭州某某科技有限公司";
    static final String RESPONDENT = "宁波某某电器有限公司";
    static final String PATENT = "ZL202310123456.7";
    static final List<String> PANEL = List.of("王明", "李华", "张伟");

    private SampleDocuments() {
    }

    static Letterhead to(String addressee) {
        return new Letterhead(OFFICE, CASE_NUMBER, addressee, LocalDate.of(2026, 3, 5), "赵敏 0571-12345678");
    }

    static DocumentContent of(DocumentKind kind) {
        String basis = "《专利纠纷行政裁决和调解办法》第二十条";
        return switch (kind) {
            case ACCEPTANCE_NOTICE -> new AcceptanceNotice(to(REQUESTER), REQUESTER, RESPONDENT, PATENT, "一种电热水壶",
                    LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), PANEL, 3, basis);
            case NON_ACCEPTANCE_NOTICE -> new NonAcceptanceNotice(to(REQUESTER), REQUESTER, RESPONDENT, PATENT,
                    LocalDate.of(2026, 3, 2), List.of("人民法院已受理同一专利侵权纠纷。"), basis);
            case CORRECTION_NOTICE -> new CorrectionNotice(to(REQUESTER), REQUESTER, PATENT, LocalDate.of(2026, 3, 2),
                    List.of("专利权有效的证明", "被请求人的统一社会信用代码"), LocalDate.of(2026, 3, 20), basis);
            case ANSWER_NOTICE -> new AnswerNotice(to(RESPONDENT), REQUESTER, RESPONDENT, PATENT, "一种电热水壶",
                    LocalDate.of(2026, 3, 4), 15, List.of("请求书副本一份", "证据副本一套"), PANEL, 3, basis);
            case HEARING_NOTICE -> new HearingNotice(to(RESPONDENT), HearingNotice.Recipient.RESPONDENT, REQUESTER,
                    RESPONDENT, PATENT, LocalDateTime.of(2026, 4, 8, 9, 30), "杭州市某某路1号第三审理室", false, PANEL,
                    basis);
            case MEDIATION_AGREEMENT -> new MediationAgreement(to(null), REQUESTER, RESPONDENT, PATENT, "一种电热水壶",
                    "请求人认为被请求人制造、销售的电热水壶落入其专利权保护范围。",
                    List.of("被请求人立即停止制造、销售涉案产品。", "被请求人于2026年4月30日前向请求人支付人民币十万元。"), basis);
            case DECISION -> new Decision(to(null), REQUESTER, RESPONDENT, PATENT, "一种电热水壶", LocalDate.of(2026, 3, 4),
                    "请求人请求责令被请求人停止侵权。", null, List.of("被请求人制造、销售了涉案产品。"),
                    List.of("涉案产品具备权利要求1的全部技术特征。"), true,
                    List.of("被请求人立即停止制造、销售涉案产品。"), 15, PANEL, basis);
            case TRANSFER_NOTICE -> new TransferNotice(to(REQUESTER), REQUESTER, RESPONDENT, PATENT,
                    LocalDate.of(2026, 3, 2), "宁波市知识产权局", "侵权行为地和被请求人住所地均在宁波市，本局无管辖权。", basis);
            case SUSPENSION_NOTICE -> new SuspensionNotice(to(REQUESTER), REQUESTER, RESPONDENT, PATENT,
                    LocalDate.of(2026, 3, 10), "被请求人对涉案实用新型专利提出的无效宣告请求已被受理", basis);
        };
    }
}
