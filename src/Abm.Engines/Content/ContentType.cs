namespace Abm.Engines.Content;

/// <summary>Content formats in the library; wire names are snake_case.</summary>
public enum ContentType
{
    /// <summary><c>whitepaper</c>.</summary>
    Whitepaper,

    /// <summary><c>case_study</c>.</summary>
    CaseStudy,

    /// <summary><c>roi_calculator</c>.</summary>
    RoiCalculator,

    /// <summary><c>demo_video</c>.</summary>
    DemoVideo,

    /// <summary><c>webinar</c>.</summary>
    Webinar,

    /// <summary><c>blog_post</c>.</summary>
    BlogPost,

    /// <summary><c>datasheet</c>.</summary>
    Datasheet,
}
